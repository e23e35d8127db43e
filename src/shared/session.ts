import * as z from 'zod/mini'

/**
 * Why a signed-in session is no longer good: none or an unknown one, past its time, the user
 * disabled, the session revoked (signed out elsewhere, password reset).
 */
export const AUTH_REFUSALS = ['no_session', 'expired', 'disabled', 'revoked'] as const
export type AuthRefusal = (typeof AUTH_REFUSALS)[number]

/** Why a socket's session ended: a refusal, or `changed` (its role or scope changed). */
export const SESSION_END_REASONS = [...AUTH_REFUSALS, 'changed'] as const
export type SessionEndReason = (typeof SESSION_END_REASONS)[number]

/** An unknown reason is read as the session being gone: the safe reading. */
export const sessionEndedSchema = z.object({
  reason: z.catch(z.enum(SESSION_END_REASONS), 'no_session'),
  message: z.catch(z.string(), ''),
})
export type SessionEnded = z.output<typeof sessionEndedSchema>
