import type { AcState } from './ac-state'
import type { Monitor } from './actions'

/** An agent as the floor shows it: the latest state the platform reported. */
export interface AgentView {
  /** Agent id, e.g. `5001@test.cc`. */
  id: string
  name: string | null
  /** The tenant's domain. */
  namespace: string
  acState: AcState
  /** The platform's own word when it sent a state this console does not know (shown as Unknown). */
  acStateRaw: string | null
  lastACState: AcState | null
  /** When the current state began, epoch ms (the platform's `stateChangeTime`). */
  stateSince: number
  /**
   * True when the platform sent no usable `stateChangeTime`: `stateSince` is then the event's
   * `timestamp` or the time the relay received it, and the timer is shown as approximate.
   * Absent means false.
   */
  approxTime?: boolean
  callId: string | null
  /**
   * When the agent's current call began for them (the first state seen with this `callId`),
   * epoch ms; null or absent without a call, or when not known.
   */
  callSince?: number | null
  /**
   * The customer's number on the current call: from the event when the platform sends it,
   * else from the call's record once the relay could look it up (at the latest, its callEnd).
   * Null when there is no call or it is not known yet.
   */
  customerNumber: string | null
  /** Extension the agent is logged in on, e.g. `8001@test.cc`. */
  channelAddr: string | null
  skills: string[]
  /** Skill group the current call came from. */
  workSkill: string | null
  org: { id: string | null; name: string | null; treePos: string | null }
  reason: string | null
  /**
   * The platform's serial of the event this view came from, as decimal digits: serials run to
   * 2^64 − 1, past what a JavaScript number holds exactly (compare with compareSerials).
   */
  serial: string
  /** Supervisors listening to or joined into the agent's current call (set by the console). */
  monitors?: Monitor[]
}

/** Today's figures for one skill group, or for all of them (`skillId` null). */
export interface QueueFigures {
  skillId: string | null
  /** Answered within this many seconds in queue counts toward the service level. */
  slThresholdSec: number
  /** The service level this queue aims for, percent. */
  slTargetPct: number
  /** Abandoned within this many seconds in queue is a short abandon. */
  shortAbandonSec: number
  /** Calls that queued for an agent. */
  offered: number
  answered: number
  /** `endReason` QueueAbandon. */
  abandoned: number
  /** Abandoned within the short-abandon time: left out of the service level. */
  shortAbandoned: number
  /** Answered within the service-level threshold. */
  answeredInThreshold: number
  /**
   * 0..1: answered within `slThresholdSec` of queue wait, over offered minus short abandons;
   * null before the first call.
   */
  serviceLevel: number | null
  /** 0..1: abandoned over offered (short abandons included); null before the first call. */
  abandonRate: number | null
  /**
   * Average wait to answer, seconds: the platform's queue time (`queueLength`) of answered
   * calls. Ringing at the agent's phone is not counted.
   */
  asaSec: number | null
  /**
   * Average handle time, seconds: (talk + hold + after-call work) of queued calls over the
   * calls answered, talk, hold and after-call work measured from the agents' state changes.
   */
  ahtSec: number | null
  /** The three parts of `ahtSec`, each per answered call, seconds. */
  avgTalkSec: number | null
  avgHoldSec: number | null
  avgAcwSec: number | null
  longestQueueSec: number
  /** Calls the agents placed (manual outbound), not counted as offered. */
  outbound: number
}

export interface TodayFigures {
  /** Platform-local day, `yyyy-MM-dd`. */
  day: string
  /** Service-level threshold, seconds in queue. */
  slThresholdSec: number
  total: QueueFigures
  bySkill: QueueFigures[]
}

/** One ended call, as the latest-calls feed shows it. */
export interface CallSummary {
  callId: string
  namespace: string
  callType: string | null
  ani: string | null
  dnis: string | null
  customerPhone: string | null
  agentId: string | null
  deviceId: string | null
  skillId: string | null
  /** Epoch ms. */
  startTime: number | null
  answerTime: number | null
  endTime: number | null
  queueSec: number | null
  talkSec: number | null
  endReason: string | null
  hangupCause: string | null
  hangupDevice: string | null
  conferenced: boolean | null
  transferred: boolean | null
  /** Department of the agent who took it, when known: used to scope the feed. */
  orgTreePos: string | null
}

/** All a client needs to draw the floor from scratch. */
export interface FloorSnapshot {
  namespace: string
  agents: AgentView[]
  figures: TodayFigures
  latestCalls: CallSummary[]
  /** Server clock at sending, epoch ms: the client corrects its timers by the difference. */
  serverTime: number
  /** Sequence number of the last change included; the next `floor:changed` is `seq + 1`. */
  seq: number
  /** When the relay last heard from the platform, epoch ms, or null. */
  lastEventAt: number | null
}

/**
 * The fields of an agent's view that changed since the previous batch, and its id. A field
 * that is absent did not change; `null` is a value. Applied over the view the client holds.
 */
export type AgentPatch = Partial<Omit<AgentView, 'id'>> & { id: string }

/** What changed since the previous batch (at most one batch per 100 ms). */
export interface FloorChange {
  seq: number
  serverTime: number
  /** Agents this client does not hold yet, whole, in their latest state. */
  agents: AgentView[]
  /**
   * Agents it does hold: only what changed. Each changed agent is in `agents` or in
   * `patches`, once. A patch for an agent the client does not hold means it missed a batch:
   * resync.
   */
  patches?: AgentPatch[]
  /** Agents that left this client's view (e.g. moved to another department); drop their tiles. */
  removed?: string[]
  /** Present when a call ended in this batch. */
  figures?: TodayFigures
  /** Calls that ended in this batch, newest last. */
  calls?: CallSummary[]
  lastEventAt: number | null
}

/** Sent every few seconds so a client can tell a quiet floor from a dead link. */
export interface FloorHeartbeat {
  serverTime: number
  seq: number
  lastEventAt: number | null
}

/** How many calls the latest-calls feed keeps. */
export const LATEST_CALLS_MAX = 50
