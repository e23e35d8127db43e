import { formatEventTime } from '../../src/shared/platform-time'
import type { Agent } from './agent-model'
import type { PreviousState } from './call-center'
import type { CallRecord, Segment } from './call-model'
import type { SimVariants } from './sim-config'

/** An event body exactly as it goes on the wire: one JSON object per POST. */
export type WireEvent = Record<string, unknown> & {
  eventName: 'agentStateEvent' | 'callEnd'
  serial: number
}

// Values the seed's examples show for the platform itself.
const INSTANCE_ID = 'cms_default'
const MEDIA_SERVER = '172.16.43.20'
const TOPICS = ['csta', 'stat']

/**
 * Builds the platform's webhook bodies (seed 003 §7.2, §7.3), numbering them from one
 * serial counter shared by both kinds. The counter starts at the start time in epoch ms,
 * so a restarted simulator keeps counting upwards and a receiver that remembers the last
 * serial does not take the new run's events for stale ones.
 */
export class EventFactory {
  private serial: number

  constructor(
    private readonly namespace: string,
    private readonly timeZone: string,
    firstSerial: number,
    /** Variants of the real platform to play; none by default. */
    private readonly variants: Partial<SimVariants> = {},
  ) {
    this.serial = firstSerial
  }

  private time(epochMs: number): string {
    return formatEventTime(epochMs, this.timeZone)
  }

  private nullableTime(epochMs: number | null): string | null {
    return epochMs === null ? null : this.time(epochMs)
  }

  /** `customerNumber`: the customer on the agent's current call, sent with `--caller-in-event`. */
  agentState(
    agent: Agent,
    previous: PreviousState,
    now: number,
    customerNumber: string | null = null,
  ): WireEvent {
    const caller = this.variants.callerInEvent && agent.callId ? { customerNumber } : {}
    return {
      eventName: 'agentStateEvent',
      serial: this.serial++,
      timestamp: this.time(now),
      eventType: 'agent',
      id: agent.id,
      name: agent.name,
      acState: agent.state,
      stateChangeTime: this.time(agent.stateSince),
      lastACState: previous.state,
      instanceId: INSTANCE_ID,
      namespace: this.namespace,
      // Whole seconds, as a string: the seed types this field String.
      lastStateLength: String(Math.max(0, Math.round((agent.stateSince - previous.since) / 1000))),
      lastStateChangeTime: this.time(previous.since),
      orgId: agent.org.id,
      orgName: agent.org.name,
      orgTreePos: agent.org.treePos,
      reason: agent.reason,
      channelAddr: this.variants.bareDevices ? bare(agent.extension) : agent.extension,
      skills: [...agent.skills],
      callId: agent.callId,
      workSkill: agent.workSkill,
      ...caller,
    }
  }

  callEnd(call: CallRecord, now: number): WireEvent {
    const segments = call.segments.map((s) => this.segment(s))
    const first = (type: Segment['type']) => segments.find((s) => s.segmentType === type) ?? null
    return {
      eventName: 'callEnd',
      eventSrc: call.callId,
      timestamp: this.time(now),
      serial: this.serial++,
      eventType: 'statEvent',
      namespace: call.namespace,
      instanceId: INSTANCE_ID,
      mediaServer: MEDIA_SERVER,
      callId: call.callId,
      cid: call.callId,
      ani: call.ani,
      dnis: call.dnis,
      callType: call.callType,
      deviceId: call.deviceId,
      agentId: call.agentId,
      customerPhone: call.customerPhone,
      startTime: this.time(call.startTime),
      answerTime: this.nullableTime(call.answerTime),
      endTime: this.time(call.endTime),
      skillId: call.skillId,
      queueLength: call.queueLength,
      talkLength: call.talkLength,
      endReason: call.endReason,
      customerRingLength: call.customerRingLength,
      deviceRingLength: call.deviceRingLength,
      displayNumber: call.displayNumber,
      trunkName: call.trunkName,
      customerAreaCode: call.customerAreaCode,
      customerCityCode: call.customerCityCode,
      resultCode: call.resultCode,
      campaignInfo: {},
      userData: call.userData,
      systemData: { _mobilePhone: 'true' },
      relatedCalls: [],
      hangupDevice: call.hangupDevice,
      hangupCause: call.hangupCause,
      conferenced: call.conferenced,
      transferred: call.transferred,
      firstRoutePoint: first('RoutePoint'),
      firstQueue: first('Queue'),
      firstIVR: first('IVR'),
      firstStation: first('Station'),
      segmentList: segments,
      topics: TOPICS,
      originalCall: null,
    }
  }

  /** A CallSegment: the seed leaves its shape open ("{...}"), so ours is our own choice. */
  private segment(s: Segment) {
    return {
      segmentType: s.type,
      deviceId: s.deviceId,
      agentId: s.agentId,
      skillId: s.skillId,
      startTime: this.time(s.startTime),
      answerTime: this.nullableTime(s.answerTime),
      endTime: this.nullableTime(s.endTime),
      length: s.endTime === null ? 0 : Math.round(s.endTime - s.startTime) / 1000,
    }
  }
}

/** `8001@test.cc` → `8001`: §7.3 calls channelAddr only "the extension", with no example. */
function bare(deviceId: string): string {
  const at = deviceId.indexOf('@')
  return at < 0 ? deviceId : deviceId.slice(0, at)
}
