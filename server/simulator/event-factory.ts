import { formatEventTime, formatQueryTime, zoneOffsetAt } from '../../src/shared/platform-time'
import type { Agent } from './agent-model'
import type { PreviousState } from './call-center'
import type { CallRecord, Segment } from './call-model'
import { BIG_SERIAL_START, type EventTimeFormat, type SimVariants } from './sim-config'

/**
 * An event body as it goes on the wire: one JSON object per POST. A serial past 2^53 is a
 * bigint, written as a bare JSON number literal by `wireBody` (as a Java long would be).
 */
export type WireEvent = Record<string, unknown> & {
  eventName: 'agentStateEvent' | 'callEnd'
  serial: number | bigint
}

const BIG = '\u0000big:' // marks a bigint while JSON.stringify runs; never in a real string

/** The body text of an event, every serial's digits kept (JSON.stringify refuses bigints). */
export function wireBody(event: WireEvent): string {
  const text = JSON.stringify(event, (_key, v: unknown) =>
    typeof v === 'bigint' ? `${BIG}${v}` : v,
  )
  return text.includes('\\u0000big:') ? text.replace(/"\\u0000big:(\d+)"/g, '$1') : text
}

/** An event time in the chosen format. */
export function formatWireTime(
  epochMs: number,
  timeZone: string,
  format: EventTimeFormat,
): string | number {
  switch (format) {
    case 'dot':
      return formatEventTime(epochMs, timeZone)
    case 'dash':
      return formatQueryTime(epochMs, timeZone)
    case 'iso':
      return isoWithOffset(epochMs, timeZone)
    // Whole milliseconds: the simulated clock runs in fractions of one.
    case 'epoch':
      return Math.floor(epochMs)
    case 'epoch-string':
      return String(Math.floor(epochMs))
  }
}

/** `2018-06-12T11:33:56.368+08:00`: the local time with its zone's offset. */
function isoWithOffset(epochMs: number, timeZone: string): string {
  const offset = zoneOffsetAt(timeZone, epochMs)
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 23)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${local}${sign}${hh}:${mm}`
}

/** `HH:mm:ss` of a duration in seconds; hours run past 24. */
function clockDuration(totalSec: number): string {
  const s = Math.max(0, Math.round(totalSec))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`
}

// Values the seed's examples show for the platform itself.
const INSTANCE_ID = 'cms_default'
const MEDIA_SERVER = '172.16.43.20'
const TOPICS = ['csta', 'stat']

/**
 * Builds the platform's webhook bodies (seed 003 §7.2, §7.3), numbering them from one
 * serial counter shared by both kinds. The counter starts at the start time in epoch ms,
 * so a restarted simulator keeps counting upwards and a receiver that remembers the last
 * serial does not take the new run's events for stale ones. Variants may start it elsewhere
 * (`--serial-start`, `--big-serials`) and start it again every so many wall seconds
 * (`--serial-restart-after-sec`), as a platform fail-over would.
 */
export class EventFactory {
  private serial: bigint
  private readonly restartFrom: bigint
  private nextRestartAt: number | null

  constructor(
    private readonly namespace: string,
    private readonly timeZone: string,
    firstSerial: number,
    /** Variants of the real platform to play; none by default. */
    private readonly variants: Partial<SimVariants> = {},
    /** The wall clock the serial restarts follow, epoch ms. */
    private readonly wallNow: () => number = Date.now,
  ) {
    const start = variants.serialStart ?? (variants.bigSerials ? BIG_SERIAL_START : null)
    this.serial = BigInt(start ?? firstSerial)
    this.restartFrom = BigInt(start ?? 1)
    const every = variants.serialRestartAfterSec
    this.nextRestartAt = every ? wallNow() + every * 1000 : null
  }

  /** The next serial: a plain number while it is one exactly, else a bigint. */
  private nextSerial(): number | bigint {
    if (this.nextRestartAt !== null && this.wallNow() >= this.nextRestartAt) {
      this.serial = this.restartFrom
      this.nextRestartAt = this.wallNow() + (this.variants.serialRestartAfterSec ?? 0) * 1000
    }
    const n = this.serial++
    return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n
  }

  private time(epochMs: number): string | number {
    return formatWireTime(epochMs, this.timeZone, this.variants.timeFormat ?? 'dot')
  }

  private nullableTime(epochMs: number | null): string | number | null {
    return epochMs === null ? null : this.time(epochMs)
  }

  private get loose(): boolean {
    return this.variants.looseShapes === true
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
      serial: this.nextSerial(),
      timestamp: this.time(now),
      eventType: 'agent',
      id: agent.id,
      name: agent.name,
      acState: agent.state,
      stateChangeTime: this.time(agent.stateSince),
      lastACState: previous.state,
      instanceId: INSTANCE_ID,
      namespace: this.namespace,
      // Whole seconds, as a string: the seed types this field String (or HH:mm:ss, loosely).
      lastStateLength: this.loose
        ? clockDuration((agent.stateSince - previous.since) / 1000)
        : String(Math.max(0, Math.round((agent.stateSince - previous.since) / 1000))),
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
      serial: this.nextSerial(),
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
      ...(this.loose
        ? {
            // Empty strings for an int, flags as text, maps as JSON text: a Java platform's habits.
            resultCode: call.resultCode === 0 ? '' : String(call.resultCode),
            campaignInfo: '',
            userData: JSON.stringify(call.userData),
            systemData: JSON.stringify({ _mobilePhone: 'true' }),
            conferenced: call.conferenced ? '1' : '0',
            transferred: call.transferred ? 'true' : 'false',
          }
        : {
            resultCode: call.resultCode,
            campaignInfo: call.campaignInfo ?? {},
            userData: call.userData,
            systemData: { _mobilePhone: 'true' },
            conferenced: call.conferenced,
            transferred: call.transferred,
          }),
      relatedCalls: [],
      hangupDevice: call.hangupDevice,
      hangupCause: call.hangupCause,
      firstRoutePoint: first('RoutePoint'),
      firstQueue: first('Queue'),
      firstIVR: first('IVR'),
      firstStation: first('Station'),
      segmentList: segments,
      topics: TOPICS,
      originalCall: null,
    }
  }

  /**
   * A CallSegment: the seed leaves its shape open ("{...}"), so ours is our own choice. Loose:
   * only the type, device and start (a platform may leave any field out).
   */
  private segment(s: Segment): Record<string, unknown> & { segmentType: Segment['type'] } {
    if (this.loose)
      return { segmentType: s.type, deviceId: s.deviceId, startTime: this.time(s.startTime) }
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
