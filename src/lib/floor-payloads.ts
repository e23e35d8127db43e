import { z } from 'zod'
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
 * so the compiler sees any drift from `src/shared/floor.ts`.
 */

const text = z.string()
const optText = z
  .string()
  .nullish()
  .transform((v) => v ?? null)
const optNumber = z
  .number()
  .nullish()
  .transform((v) => v ?? null)
const optBool = z
  .boolean()
  .nullish()
  .transform((v) => v ?? null)
const acState = z.enum(AC_STATES).catch('Unknown')

const agentView = z.object({
  id: text.min(1),
  name: optText,
  namespace: text,
  acState,
  acStateRaw: optText,
  lastACState: z
    .enum(AC_STATES)
    .nullish()
    .catch(null)
    .transform((v) => v ?? null),
  stateSince: z.number(),
  callId: optText,
  channelAddr: optText,
  skills: z
    .array(text)
    .nullish()
    .transform((v) => v ?? []),
  workSkill: optText,
  org: z
    .object({ id: optText, name: optText, treePos: optText })
    .nullish()
    .transform((v) => v ?? { id: null, name: null, treePos: null }),
  reason: optText,
  serial: z.number(),
  // Supervisors on the agent's call; a malformed list is dropped rather than the agent.
  monitors: z
    .array(z.object({ by: text, op: z.enum(['listen', 'join']), since: z.number() }))
    .optional()
    .catch(undefined),
}) satisfies z.ZodType<AgentView>

/** A patch: the id, and only the fields that changed (an absent field stays as it was). */
const agentPatch = agentView.partial().extend({ id: text.min(1) }) satisfies z.ZodType<AgentPatch>

const queueFigures = z.object({
  skillId: optText,
  slThresholdSec: z.number(),
  slTargetPct: z.number(),
  offered: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  shortAbandoned: z.number(),
  answeredInThreshold: z.number(),
  serviceLevel: optNumber,
  asaSec: optNumber,
  ahtSec: optNumber,
  longestQueueSec: z.number(),
  outbound: z.number(),
}) satisfies z.ZodType<QueueFigures>

const todayFigures = z.object({
  day: text,
  slThresholdSec: z.number(),
  total: queueFigures,
  bySkill: z.array(queueFigures),
}) satisfies z.ZodType<TodayFigures>

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
}) satisfies z.ZodType<CallSummary>

/** An ended call as the REST answers carry it too (an agent's timeline). */
export const callSummarySchema = callSummary

export const floorSnapshotSchema = z.object({
  namespace: text,
  agents: z.array(agentView),
  figures: todayFigures,
  latestCalls: z.array(callSummary),
  serverTime: z.number(),
  seq: z.number().int(),
  lastEventAt: optNumber,
}) satisfies z.ZodType<FloorSnapshot>

export const floorChangeSchema = z.object({
  seq: z.number().int(),
  serverTime: z.number(),
  agents: z.array(agentView),
  patches: z.array(agentPatch).optional(),
  removed: z.array(text.min(1)).optional(),
  figures: todayFigures.optional(),
  calls: z.array(callSummary).optional(),
  lastEventAt: optNumber,
}) satisfies z.ZodType<FloorChange>

export const floorHeartbeatSchema = z.object({
  serverTime: z.number(),
  seq: z.number().int(),
  lastEventAt: optNumber,
}) satisfies z.ZodType<FloorHeartbeat>

const SESSION_END_REASONS = ['no_session', 'expired', 'disabled', 'revoked', 'changed'] as const

/** An unknown reason is treated as the session being gone: the safe reading. */
export const sessionEndedSchema = z.object({
  reason: z.enum(SESSION_END_REASONS).catch('no_session'),
  message: z.string().catch(''),
}) satisfies z.ZodType<SessionEnded>

/** Reasons a refused handshake gives (`connect_error` `data.reason`) that mean "sign in again". */
export const AUTH_REFUSALS = ['no_session', 'expired', 'disabled', 'revoked'] as const
export type AuthRefusal = (typeof AUTH_REFUSALS)[number]
