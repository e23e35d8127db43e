import * as z from 'zod/mini'
import type { StateConflict } from './state-conflict'
import { upstreamMessagesSchema } from './upstream-messages'

/**
 * The seven force operations (wellClient forceListen, forceJoin, forceTake, forceDrop,
 * forceReady, forceNotReady, forceLogout) as the console's action API names them, and
 * `stop-listen`: the lead ends their own listen (forceDrop of the lead's own connection).
 */
export const ACTION_OPS = [
  'listen',
  'stop-listen',
  'join',
  'take',
  'drop',
  'ready',
  'not-ready',
  'logout',
] as const
export type ActionOp = (typeof ACTION_OPS)[number]

/** What the menus offer on any agent: stop-listen shows only while the lead is listening. */
export const OFFERED_OPS: readonly ActionOp[] = ACTION_OPS.filter((op) => op !== 'stop-listen')
/** Operations on the agent's current call; the agent must be in one. */
export const CALL_OPS: readonly ActionOp[] = ['listen', 'stop-listen', 'join', 'take', 'drop']
/** Operations that need confirmation in the UI (they interrupt the agent or the caller; barge-in is heard by both). */
export const CONFIRMED_OPS: readonly ActionOp[] = ['drop', 'join', 'take', 'not-ready', 'logout']
/** Operations that ask for a reason. */
export const REASONED_OPS: readonly ActionOp[] = ['not-ready', 'logout']

export const actionBodySchema = z.pipe(
  z.nullish(
    z.object({
      reason: z.optional(z.string().check(z.trim(), z.maxLength(200, 'at most 200 characters'))),
      /** Barge in even though another lead is on the call (the lead was told who). */
      acknowledgeOthers: z.optional(z.boolean()),
    }),
  ),
  z.transform((b) => ({
    reason: b?.reason ? b.reason : null,
    acknowledgeOthers: b?.acknowledgeOthers === true,
  })),
)

/** What the supervisor's own phone is, kept in their profile. */
export const profileBodySchema = z
  .object({
    /** Extension the supervisor listens on (forceListen), e.g. `8002@test.cc` or `8002`. */
    deviceId: z.nullish(
      z
        .string()
        .check(
          z.trim(),
          z.maxLength(100),
          z.regex(/^[\w.-]+(@[\w.-]+)?$/, 'an extension such as 8002 or 8002@test.cc'),
        ),
    ),
    /** Number calls are taken or joined to (forceTake, forceJoin). */
    phoneNumber: z.nullish(
      z
        .string()
        .check(
          z.trim(),
          z.maxLength(40),
          z.regex(/^\+?[\d*#-]{2,40}$/, 'digits, e.g. 8002 or 13912345678'),
        ),
    ),
  })
  .check(
    z.refine((b) => b.deviceId !== undefined || b.phoneNumber !== undefined, 'nothing to change'),
  )
export type ProfileBody = z.input<typeof profileBodySchema>

/** A message in both languages of the console. */
export interface Bilingual {
  zh: string
  en: string
}

export const actionDoneSchema = z.object({
  ok: z.literal(true),
  op: z.enum(ACTION_OPS),
  upstreamStatus: z.number(),
  latencyMs: z.number(),
})
/** Answer of `POST /api/agents/{agentId}/actions/{op}` when the platform accepted it. */
export type ActionDone = z.output<typeof actionDoneSchema>

/**
 * Why an action was refused; `not_listening`: stop-listen, but the lead is not listening to
 * the agent's call; `others_on_call`: another lead is listening to or barged into the call,
 * so a barge needs `acknowledgeOthers`.
 */
export const ACTION_ERRORS = [
  'forbidden',
  'not_found',
  'conflict',
  'profile_incomplete',
  'not_listening',
  'others_on_call',
  'upstream',
  'invalid_request',
] as const
export type ActionError = (typeof ACTION_ERRORS)[number]

export const actionRefusedSchema = z.object({
  ok: z.literal(false),
  error: z.enum(ACTION_ERRORS),
  /** English message (as every error of the API has). */
  message: z.string(),
  /** The relay's words, and for a platform failure its code and parameters the page words. */
  messages: upstreamMessagesSchema,
  upstreamStatus: z.optional(z.number()),
  /** For `profile_incomplete`: the profile field to fill in. */
  field: z.optional(z.enum(['deviceId', 'phoneNumber'])),
  /** For `others_on_call`: who is on the call, and since when (epoch ms). */
  others: z.optional(
    z.array(
      z.object({
        by: z.string(),
        kind: z.enum(['listening', 'barged', 'took-over']),
        since: z.number(),
      }),
    ),
  ),
})
/**
 * Answer when the console or the platform refused (403, 404, 409, 502). The relay also names
 * the state's `stateConflict` code on a `conflict` it found before anything went upstream; the
 * page words its menus by the same rule, so it does not read it here.
 */
export type ActionRefused = z.output<typeof actionRefusedSchema> & {
  stateConflict?: StateConflict
}

/**
 * Changes an admin makes, audited beside the supervisors' actions (their `agentId` holds what
 * was changed: a user name, a wall screen, a token, "thresholds", "skill-names").
 */
export const ADMIN_OPS = [
  'user-create',
  'user-update',
  'password-reset',
  'kiosk-mint',
  'kiosk-revoke',
  'webhook-token-mint',
  'webhook-token-revoke',
  'thresholds',
  'skill-names',
] as const
export type AdminOp = (typeof ADMIN_OPS)[number]

/** What leads say about who is on an agent, audited too ("I'm on it", a silenced breach). */
export const PRESENCE_OPS = ['claim', 'release', 'snooze', 'unsnooze'] as const
export type PresenceOp = (typeof PRESENCE_OPS)[number]

/**
 * Outbound calls and call lists from the console, and the admin's outbound settings (their
 * `agentId` holds the customer's number, the number dialled, or the call list's file name).
 */
export const OUTBOUND_OPS = [
  'call-back',
  'instant-outbound',
  'roster-upload',
  'outbound-settings',
] as const
export type OutboundOp = (typeof OUTBOUND_OPS)[number]

/** Everything the audit log records. */
export const AUDIT_OPS = [...ACTION_OPS, ...ADMIN_OPS, ...PRESENCE_OPS, ...OUTBOUND_OPS] as const
export type AuditOp = (typeof AUDIT_OPS)[number]

/** How an audited attempt ended: done, refused by the console, or failed upstream. */
export const AUDIT_OUTCOMES = ['ok', 'refused', 'failed'] as const
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]

export const auditQuerySchema = z.object({
  from: z.optional(z.coerce.number().check(z.int(), z.nonnegative())),
  to: z.optional(z.coerce.number().check(z.int(), z.nonnegative())),
  username: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  agentId: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  op: z.optional(z.enum(AUDIT_OPS)),
  outcome: z.optional(z.enum(AUDIT_OUTCOMES)),
  /** Language of the CSV's headers and labels (the screen's); Chinese by default. */
  lang: z.optional(z.enum(['zh', 'en'])),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 100),
  offset: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
})
export type AuditQuery = z.input<typeof auditQuerySchema>
