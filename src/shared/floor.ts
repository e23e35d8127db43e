import * as z from 'zod/mini'
import { AC_STATES } from './ac-state'
import { callBacksSchema } from './call-backs'

/*
 * The floor's socket payloads, declared once: the relay builds them, the browser checks them
 * where they enter the page with the same schemas, and the types are the schemas' output.
 * Lenient where a lapse is harmless (a missing optional field becomes null, an unknown state
 * becomes Unknown), strict where the page could not work (ids, seq, times); the output of a
 * lenient schema is still the strict shape the relay must send. zod's mini build: these are in
 * the floor's first bundle.
 */

const text = z.string()
const nonEmpty = z.string().check(z.minLength(1))
/** Absent or null becomes null. */
function orNull<T extends z.core.SomeType>(schema: T) {
  return z.pipe(
    z.nullish(schema),
    z.transform((v: z.output<T> | null | undefined) => v ?? null),
  )
}
const optText = orNull(z.string())
const optNumber = orNull(z.number())
const optBool = orNull(z.boolean())
const acState = z.catch(z.enum(AC_STATES), 'Unknown')

export const monitorSchema = z.object({
  by: z.string(),
  op: z.enum(['listen', 'join']),
  since: z.number(),
})
/** Who is listening to or has joined an agent's call, as a tile shows it. */
export type Monitor = z.output<typeof monitorSchema>

export const agentViewSchema = z.object({
  /** Agent id, e.g. `5001@test.cc`. */
  id: nonEmpty,
  name: optText,
  /** The tenant's domain. */
  namespace: text,
  acState,
  /** The platform's own word when it sent a state this console does not know (shown as Unknown). */
  acStateRaw: optText,
  lastACState: z.pipe(
    z.catch(z.nullish(z.enum(AC_STATES)), null),
    z.transform((v) => v ?? null),
  ),
  /** When the current state began, epoch ms (the platform's `stateChangeTime`). */
  stateSince: z.number(),
  /**
   * True when the platform sent no usable `stateChangeTime`: `stateSince` is then the event's
   * `timestamp` or the time the relay received it, and the timer is shown as approximate.
   * Absent means false.
   */
  approxTime: z.optional(z.boolean()),
  callId: optText,
  /**
   * When the agent's current call began for them (the first state seen with this `callId`),
   * epoch ms; null or absent without a call, or when not known.
   */
  callSince: z.optional(optNumber),
  /**
   * The customer's number on the current call: from the event when the platform sends it,
   * else from the call's record once the relay could look it up (at the latest, its callEnd).
   * Null when there is no call or it is not known yet.
   */
  customerNumber: optText,
  /**
   * The customer's calls that reached the center today, the current one included when it is
   * inbound: present only when the number is a repeat caller (this reached the tenant's
   * `repeatCallsMin`); absent or null otherwise.
   */
  callerCallsToday: z.optional(optNumber),
  /** Extension the agent is logged in on, e.g. `8001@test.cc`. */
  channelAddr: optText,
  skills: z.pipe(
    z.nullish(z.array(text)),
    z.transform((v) => v ?? []),
  ),
  /** Skill group the current call came from. */
  workSkill: optText,
  org: z.pipe(
    z.nullish(z.object({ id: optText, name: optText, treePos: optText })),
    z.transform((v) => v ?? { id: null, name: null, treePos: null }),
  ),
  reason: optText,
  /**
   * The platform's serial of the event this view came from, as decimal digits: serials run to
   * 2^64 − 1, past what a JavaScript number holds exactly (compare with compareSerials).
   */
  serial: z.string(),
  /**
   * Supervisors listening to or joined into the agent's current call (set by the console); a
   * malformed list is dropped rather than the agent.
   */
  monitors: z.catch(z.optional(z.array(monitorSchema)), undefined),
})
/** An agent as the floor shows it: the latest state the platform reported. */
export type AgentView = z.output<typeof agentViewSchema>

export const agentPatchSchema = z.extend(z.partial(agentViewSchema), { id: nonEmpty })
/**
 * The fields of an agent's view that changed since the previous batch, and its id. A field
 * that is absent did not change; `null` is a value. Applied over the view the client holds.
 */
export type AgentPatch = z.output<typeof agentPatchSchema>

export const queueFiguresSchema = z.object({
  skillId: optText,
  /** Answered within this many seconds in queue counts toward the service level. */
  slThresholdSec: z.number(),
  /** The service level this queue aims for, percent. */
  slTargetPct: z.number(),
  /** Abandoned within this many seconds in queue is a short abandon. */
  shortAbandonSec: z.number(),
  /** Calls that queued for an agent. */
  offered: z.number(),
  answered: z.number(),
  /** `endReason` QueueAbandon. */
  abandoned: z.number(),
  /** Abandoned within the short-abandon time: left out of the service level. */
  shortAbandoned: z.number(),
  /** Answered within the service-level threshold. */
  answeredInThreshold: z.number(),
  /**
   * 0..1: answered within `slThresholdSec` of queue wait, over offered minus short abandons;
   * null before the first call.
   */
  serviceLevel: optNumber,
  /** 0..1: abandoned over offered (short abandons included); null before the first call. */
  abandonRate: optNumber,
  /**
   * Average wait to answer, seconds: the platform's queue time (`queueLength`) of answered
   * calls. Ringing at the agent's phone is not counted.
   */
  asaSec: optNumber,
  /**
   * Average handle time, seconds: (talk + hold + after-call work) of queued calls over the
   * calls answered, talk, hold and after-call work measured from the agents' state changes.
   */
  ahtSec: optNumber,
  /** The three parts of `ahtSec`, each per answered call, seconds. */
  avgTalkSec: optNumber,
  avgHoldSec: optNumber,
  avgAcwSec: optNumber,
  longestQueueSec: z.number(),
  /** Calls the agents placed (manual outbound), not counted as offered. */
  outbound: z.number(),
})
/** Today's figures for one skill group, or for all of them (`skillId` null). */
export type QueueFigures = z.output<typeof queueFiguresSchema>

/** Today's figures, as the floor and `GET /api/figures` carry them. */
export const todayFiguresSchema = z.object({
  /** Platform-local day, `yyyy-MM-dd`. */
  day: text,
  /** Service-level threshold, seconds in queue. */
  slThresholdSec: z.number(),
  total: queueFiguresSchema,
  bySkill: z.array(queueFiguresSchema),
})
export type TodayFigures = z.output<typeof todayFiguresSchema>

/** An ended call, as the latest-calls feed and the REST answers (an agent's timeline) carry it. */
export const callSummarySchema = z.object({
  callId: text,
  namespace: text,
  callType: optText,
  ani: optText,
  dnis: optText,
  customerPhone: optText,
  agentId: optText,
  deviceId: optText,
  skillId: optText,
  /** Epoch ms. */
  startTime: optNumber,
  answerTime: optNumber,
  endTime: optNumber,
  queueSec: optNumber,
  talkSec: optNumber,
  endReason: optText,
  hangupCause: optText,
  hangupDevice: optText,
  conferenced: optBool,
  transferred: optBool,
  /** Department of the agent who took it, when known: used to scope the feed. */
  orgTreePos: optText,
  /**
   * This call's place among the calls of its customer's number that reached the center that
   * day (3: the third), when that reached the tenant's `repeatCallsMin`; absent otherwise.
   */
  callerCallsToday: z.optional(optNumber),
})
/** One ended call, as the latest-calls feed shows it. */
export type CallSummary = z.output<typeof callSummarySchema>

export const floorSnapshotSchema = z.object({
  namespace: text,
  agents: z.array(agentViewSchema),
  figures: todayFiguresSchema,
  latestCalls: z.array(callSummarySchema),
  /** Today's abandoned callers this audience may see (absent from an older relay). */
  callBacks: z.optional(callBacksSchema),
  /** Server clock at sending, epoch ms: the client corrects its timers by the difference. */
  serverTime: z.number(),
  /** Sequence number of the last change included; the next `floor:changed` is `seq + 1`. */
  seq: z.int(),
  /** When the relay last heard from the platform, epoch ms, or null. */
  lastEventAt: optNumber,
})
/** All a client needs to draw the floor from scratch. */
export type FloorSnapshot = z.output<typeof floorSnapshotSchema>

export const floorChangeSchema = z.object({
  seq: z.int(),
  /**
   * Present on a catch-up: this screen's connection was too busy for the batches `seq` …
   * `upTo` of its audience, and this one batch stands for all of them (each agent it names
   * whole, in its latest view). Once it is applied the screen is at `upTo`, and the next batch is
   * `upTo + 1`. A client that ignores it sees a gap at that next batch and resyncs.
   */
  upTo: z.optional(z.int()),
  serverTime: z.number(),
  /** Agents this client does not hold yet, whole, in their latest state. */
  agents: z.array(agentViewSchema),
  /**
   * Agents it does hold: only what changed. Each changed agent is in `agents` or in
   * `patches`, once. A patch for an agent the client does not hold means it missed a batch:
   * resync.
   */
  patches: z.optional(z.array(agentPatchSchema)),
  /** Agents that left this client's view (e.g. moved to another department); drop their tiles. */
  removed: z.optional(z.array(nonEmpty)),
  /** Present when a call ended in this batch. */
  figures: z.optional(todayFiguresSchema),
  /** Calls that ended in this batch, newest last. */
  calls: z.optional(z.array(callSummarySchema)),
  /** Today's abandoned callers, whole, when they changed for this audience. */
  callBacks: z.optional(callBacksSchema),
  lastEventAt: optNumber,
})
/**
 * What changed since the previous batch: sent at once while the relay and the screen keep up,
 * coalesced (at most one batch per FLOOR_FLUSH_MS, 100 ms by default) while they are busy.
 */
export type FloorChange = z.output<typeof floorChangeSchema>

export const floorHeartbeatSchema = z.object({
  serverTime: z.number(),
  seq: z.int(),
  lastEventAt: optNumber,
})
/** Sent every few seconds so a client can tell a quiet floor from a dead link. */
export type FloorHeartbeat = z.output<typeof floorHeartbeatSchema>
