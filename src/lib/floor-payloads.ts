import * as z from 'zod/mini'
import { AC_STATES } from '@/shared/ac-state'
import type { SessionEnded } from '@/shared/events'
import type {
  AgentPatch,
  AgentView,
  CallSummary,
  FloorChange,
  FloorHeartbeat,
  FloorSnapshot,
  QueueFigures,
  TodayFigures,
} from '@/shared/floor'

/*
 * The relay's socket payloads, checked where they enter the page. Lenient where a lapse is
 * harmless (a missing optional field becomes null, an unknown state becomes Unknown), strict
 * where the page could not work (ids, seq, times). Each schema `satisfies` the shared type,
 * so the compiler sees any drift from `src/shared/floor.ts`. zod's mini build: these are in the
 * floor's first bundle.
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

const agentView = z.object({
  id: nonEmpty,
  name: optText,
  namespace: text,
  acState,
  acStateRaw: optText,
  lastACState: z.pipe(
    z.catch(z.nullish(z.enum(AC_STATES)), null),
    z.transform((v) => v ?? null),
  ),
  stateSince: z.number(),
  callId: optText,
  callSince: z.optional(optNumber),
  customerNumber: optText,
  channelAddr: optText,
  skills: z.pipe(
    z.nullish(z.array(text)),
    z.transform((v) => v ?? []),
  ),
  workSkill: optText,
  org: z.pipe(
    z.nullish(z.object({ id: optText, name: optText, treePos: optText })),
    z.transform((v) => v ?? { id: null, name: null, treePos: null }),
  ),
  reason: optText,
  serial: z.string(),
  approxTime: z.optional(z.boolean()),
  // Supervisors on the agent's call; a malformed list is dropped rather than the agent.
  monitors: z.catch(
    z.optional(z.array(z.object({ by: text, op: z.enum(['listen', 'join']), since: z.number() }))),
    undefined,
  ),
}) satisfies z.ZodMiniType<AgentView>

/** A patch: the id, and only the fields that changed (an absent field stays as it was). */
const agentPatch = z.extend(z.partial(agentView), {
  id: nonEmpty,
}) satisfies z.ZodMiniType<AgentPatch>

const queueFigures = z.object({
  skillId: optText,
  slThresholdSec: z.number(),
  slTargetPct: z.number(),
  shortAbandonSec: z.number(),
  offered: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  shortAbandoned: z.number(),
  answeredInThreshold: z.number(),
  serviceLevel: optNumber,
  abandonRate: optNumber,
  asaSec: optNumber,
  ahtSec: optNumber,
  avgTalkSec: optNumber,
  avgHoldSec: optNumber,
  avgAcwSec: optNumber,
  longestQueueSec: z.number(),
  outbound: z.number(),
}) satisfies z.ZodMiniType<QueueFigures>

const todayFigures = z.object({
  day: text,
  slThresholdSec: z.number(),
  total: queueFigures,
  bySkill: z.array(queueFigures),
}) satisfies z.ZodMiniType<TodayFigures>

const callSummary = z.object({
  callId: text,
  namespace: text,
  callType: optText,
  ani: optText,
  dnis: optText,
  customerPhone: optText,
  agentId: optText,
  deviceId: optText,
  skillId: optText,
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
  orgTreePos: optText,
}) satisfies z.ZodMiniType<CallSummary>

/** An ended call as the REST answers carry it too (an agent's timeline). */
export const callSummarySchema = callSummary

/** Today's figures as `GET /api/figures` answers them. */
export const todayFiguresSchema = todayFigures

export const floorSnapshotSchema = z.object({
  namespace: text,
  agents: z.array(agentView),
  figures: todayFigures,
  latestCalls: z.array(callSummary),
  serverTime: z.number(),
  seq: z.int(),
  lastEventAt: optNumber,
}) satisfies z.ZodMiniType<FloorSnapshot>

export const floorChangeSchema = z.object({
  seq: z.int(),
  serverTime: z.number(),
  agents: z.array(agentView),
  patches: z.optional(z.array(agentPatch)),
  removed: z.optional(z.array(nonEmpty)),
  figures: z.optional(todayFigures),
  calls: z.optional(z.array(callSummary)),
  lastEventAt: optNumber,
}) satisfies z.ZodMiniType<FloorChange>

export const floorHeartbeatSchema = z.object({
  serverTime: z.number(),
  seq: z.int(),
  lastEventAt: optNumber,
}) satisfies z.ZodMiniType<FloorHeartbeat>

const SESSION_END_REASONS = ['no_session', 'expired', 'disabled', 'revoked', 'changed'] as const

/** An unknown reason is treated as the session being gone: the safe reading. */
export const sessionEndedSchema = z.object({
  reason: z.catch(z.enum(SESSION_END_REASONS), 'no_session'),
  message: z.catch(z.string(), ''),
}) satisfies z.ZodMiniType<SessionEnded>

/** Reasons a refused handshake gives (`connect_error` `data.reason`) that mean "sign in again". */
export const AUTH_REFUSALS = ['no_session', 'expired', 'disabled', 'revoked'] as const
export type AuthRefusal = (typeof AUTH_REFUSALS)[number]
