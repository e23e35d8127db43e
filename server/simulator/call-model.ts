import type { Agent } from './agent-model'
import type { CustomerArea } from './names'
import type { Timer } from './timer-queue'

/**
 * `callType` of a callEnd. The seed shows only `Inbound`; for a call an agent dials by hand
 * (acState ManualRinging / ManualTalking, CDR callTypeName 自摘机) we send `Outbound`.
 */
export type CallType = 'Inbound' | 'Outbound'

/**
 * How a call came about, which decides the agent's states on it: an inbound call (Inbound*),
 * an agent dialling by hand (Manual*), a double call the platform places for an API request
 * (seed 003 §6: our extension first, Manual*), and an instant auto-outbound call handed to an
 * agent once the customer answers (§5.1: AgentAuto*).
 */
export type CallOrigin = 'Inbound' | 'Manual' | 'DoubleCall' | 'InstantOutbound'

/**
 * `endReason` of a callEnd. The seed names only QueueAbandon; the rest are our plausible
 * vocabulary: who hung up on an answered call, an outbound call nobody answered, and a call
 * a supervisor cut off (forceDrop).
 */
export type EndReason =
  | 'QueueAbandon'
  | 'CustomerHangup'
  | 'AgentHangup'
  | 'NoAnswer'
  | 'ForceDrop'
  /** An instant auto-outbound call answered while the agent it was for could not take it. */
  | 'TransferFailed'

export type SegmentType = 'RoutePoint' | 'IVR' | 'Queue' | 'Station'

/** One leg of a call's path through the platform; times simulated epoch ms. */
export interface Segment {
  type: SegmentType
  deviceId: string
  agentId: string | null
  skillId: string | null
  startTime: number
  answerTime: number | null
  /** Null while the segment lasts. */
  endTime: number | null
}

/**
 * `conference`: a supervisor joined (forceJoin) and the agent is in Conference until the
 * call ends; `taken`: a supervisor took the call over (forceTake) and the agent has left it.
 */
export type CallPhase = 'ivr' | 'queued' | 'ringing' | 'talking' | 'hold' | 'conference' | 'taken'

/** Phases in which the parties are connected: what force operations act on. */
export const CONNECTED_PHASES: ReadonlySet<CallPhase> = new Set<CallPhase>([
  'talking',
  'hold',
  'conference',
  'taken',
])

/** A call in progress. */
export interface Call {
  readonly id: string
  readonly type: CallType
  readonly origin: CallOrigin
  readonly customerPhone: string
  readonly area: CustomerArea
  readonly ani: string
  readonly dnis: string
  /** Skill group an inbound call queues for; null for outbound. */
  readonly skillId: string | null
  readonly startTime: number
  phase: CallPhase
  /** The agent whose phone rings or who talks, if any. */
  agent: Agent | null
  /** First agent (and extension) the call reached: callEnd's agentId / deviceId. */
  firstAgent: Agent | null
  answerTime: number | null
  /** Time spent queued so far, ms (a ring-out queues again). */
  queuedMs: number
  /** When the call first queued: its place in line, kept across a ring-out. */
  firstQueuedAt: number | null
  /** When the current queue wait began. */
  queuedAt: number | null
  ringStartedAt: number | null
  /**
   * Our side's phone is what rings (a double call's extension, the agent an instant outbound
   * call is handed to), not the customer's: the ring counts as deviceRingLength.
   */
  ringingOurSide: boolean
  /** Ring time of the agent who answered (or the last who rang), ms. */
  deviceRingMs: number
  customerRingMs: number
  /** Talk left after the hold, ms, while a hold is still to come or under way; then 0. */
  talkAfterHoldMs: number
  segments: Segment[]
  /** Devices listening in (forceListen), in order of joining. */
  listeners: string[]
  /** Numbers that joined the call (forceJoin). */
  conferees: string[]
  /** The number a supervisor took the call to (forceTake); the call goes on there. */
  takenBy: string | null
  /**
   * Our end of the line when no agent is on it: the extension a double call rings (a
   * supervisor's desk phone), or the number an instant outbound call is handed to.
   */
  device: string | null
  /** Data that came with the request (double call `userData`, instant outbound `data`). */
  userData: Record<string, string> | null
  /** The campaign an instant outbound call belongs to (callEnd `campaignInfo`). */
  campaignInfo: Record<string, string> | null
  /** Number shown to the customer, when the request chose one (`displayOrigin`). */
  displayNumber: string | null
  /** Next step of the call (end of IVR, answer, hold, hang-up). */
  timer: Timer | null
  /** The caller giving up while queued. */
  patience: Timer | null
  /** Patience left, ms, drawn when the call first queues. */
  patienceLeftMs: number | null
}

/** A call that ended: what callEnd reports and what the CDR APIs will serve. */
export interface CallRecord {
  callId: string
  callType: CallType
  namespace: string
  ani: string
  dnis: string
  customerPhone: string
  customerAreaCode: string
  customerCityCode: string
  /** Number shown to the customer on outbound calls. */
  displayNumber: string | null
  trunkName: string
  agentId: string | null
  agentName: string | null
  deviceId: string | null
  /** Department of the first agent, for scoping. */
  orgTreePos: string | null
  skillId: string | null
  /** Simulated epoch ms. */
  startTime: number
  answerTime: number | null
  endTime: number
  /** Seconds, millisecond precision. */
  queueLength: number
  talkLength: number
  customerRingLength: number
  deviceRingLength: number
  endReason: EndReason
  /** 0 connected, 2 no answer (the CDR sample shows 1 for busy). */
  resultCode: number
  hangupDevice: string
  hangupCause: 'NORMAL_CLEARING' | 'NO_ANSWER'
  /** A supervisor joined the call (forceJoin). */
  conferenced: boolean
  /** A supervisor took the call over (forceTake). */
  transferred: boolean
  /** Devices that listened in (forceListen): simulator bookkeeping, not on the wire. */
  listeners: string[]
  segments: Segment[]
  userData: Record<string, string>
  /** The campaign of an instant outbound call; absent (an empty map on the wire) otherwise. */
  campaignInfo?: Record<string, string>
}

/** Closes the open segments at `time`. */
export function closeSegments(call: Call, time: number): void {
  for (const s of call.segments) if (s.endTime === null) s.endTime = time
}

export const seconds = (ms: number): number => Math.round(ms) / 1000
