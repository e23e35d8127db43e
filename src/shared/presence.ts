import * as z from 'zod/mini'

/**
 * Who is already on an agent: a lead with the agent's menu open (`looking`), listening to or
 * barged into its call, having taken the call over, or having said "I'm on it" (`claimed`).
 * The relay records listen, barge and take itself when the action succeeds; the rest the lead's
 * screen says over the live link.
 */
export const PRESENCE_KINDS = ['looking', 'listening', 'barged', 'took-over', 'claimed'] as const
export type PresenceKind = (typeof PRESENCE_KINDS)[number]

/** Kinds that last as long as the agent's current call. */
export const CALL_PRESENCE_KINDS: readonly PresenceKind[] = ['listening', 'barged', 'took-over']

/** Snooze lengths a lead may choose, minutes. */
export const SNOOZE_MINUTES = [5, 15, 30, 60] as const
/** Longest reason for a snooze, characters: a few words a colleague reads on a tile. */
export const SNOOZE_REASON_MAX = 80

const agentId = z.string().check(z.trim(), z.minLength(1, 'an agent id'), z.maxLength(256))

export const presenceEntrySchema = z.object({
  /** The lead's user name, as the floor names people. */
  by: z.string(),
  kind: z.enum(PRESENCE_KINDS),
  /** Since when, epoch ms (relay clock). */
  since: z.number(),
})
/** One lead on one agent. */
export type PresenceEntry = z.output<typeof presenceEntrySchema>

export const snoozeSchema = z.object({
  by: z.string(),
  reason: z.string(),
  since: z.number(),
  /** The breach alerts again from then on, epoch ms (relay clock). */
  until: z.number(),
})
/** A breach a lead silenced for a while, with why. */
export type Snooze = z.output<typeof snoozeSchema>

export const agentPresenceSchema = z.object({
  agentId: z.string(),
  /** Every lead on the agent, oldest first; empty when nobody is. */
  entries: z.array(presenceEntrySchema),
  snooze: z.nullable(snoozeSchema),
})
/** Everything known about who is on one agent: what `presence:changed` announces. */
export type AgentPresence = z.output<typeof agentPresenceSchema>

export const presenceSnapshotSchema = z.object({
  /** Only agents someone is on; the rest have nobody. */
  agents: z.array(agentPresenceSchema),
})
/** Every agent in the screen's scope someone is on: sent on every (re)connect. */
export type PresenceSnapshot = z.output<typeof presenceSnapshotSchema>

/** Body of `presence:open-menu`, `presence:close-menu`, `presence:claim`, `presence:release`, `presence:unsnooze`. */
export const presenceTargetSchema = z.object({ agentId })
export type PresenceTarget = z.output<typeof presenceTargetSchema>

/** Body of `presence:snooze`. */
export const snoozeRequestSchema = z.object({
  agentId,
  minutes: z.literal(SNOOZE_MINUTES, {
    error: `minutes must be one of ${SNOOZE_MINUTES.join(', ')}`,
  }),
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'say why'),
      z.maxLength(SNOOZE_REASON_MAX, `at most ${SNOOZE_REASON_MAX} characters`),
    ),
})
export type SnoozeRequest = z.output<typeof snoozeRequestSchema>

/** Why the relay refused a presence request; the SPA words each. */
export const PRESENCE_ERRORS = ['forbidden', 'not_found', 'invalid_request'] as const
export type PresenceError = (typeof PRESENCE_ERRORS)[number]

export const presenceAnswerSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.enum(PRESENCE_ERRORS), message: z.string() }),
])
/** The relay's answer (ack) to a presence request. */
export type PresenceAnswer = z.output<typeof presenceAnswerSchema>
