import type { ActionOp } from '@/shared/actions'
import { type StateConflict, stateConflict } from '@/shared/state-conflict'
import type { AgentView } from '@/shared/floor'

/** The supervisor's own phone, as their profile keeps it (`Me.deviceId`, `Me.phoneNumber`). */
export interface SupervisorPhone {
  /** Extension the supervisor listens on. */
  deviceId: string | null
  /** Number calls are taken or joined to. */
  phoneNumber: string | null
}

/**
 * Why an operation cannot be run on the agent now: an action still running on it, the agent's
 * state (the relay's own codes, worded in `actions.unavailable` too), or the supervisor's profile.
 */
export type UnavailableReason =
  | { code: 'pending'; op: ActionOp }
  | { code: StateConflict }
  | { code: 'profileIncomplete'; field: 'deviceId' | 'phoneNumber' }

export type Availability = { enabled: true } | { enabled: false; reason: UnavailableReason }

const ENABLED: Availability = { enabled: true }

/**
 * The profile field an operation needs: listen calls the extension (and stop-listen drops it),
 * join and take the number.
 */
export function profileFieldFor(op: ActionOp): 'deviceId' | 'phoneNumber' | null {
  if (op === 'listen' || op === 'stop-listen') return 'deviceId'
  if (op === 'join' || op === 'take') return 'phoneNumber'
  return null
}

/**
 * Whether `op` fits the agent as the floor shows it, by the relay's own rule and in its order
 * (the shared `stateConflict`, then the supervisor's profile), so a disabled item says what the
 * relay would have answered. `pending`: an action already running
 * on this agent, which blocks another until it is answered.
 */
export function opAvailability(
  op: ActionOp,
  agent: AgentView,
  phone: SupervisorPhone,
  pending: ActionOp | null = null,
): Availability {
  if (pending !== null) return { enabled: false, reason: { code: 'pending', op: pending } }
  const conflict = stateConflict(op, agent)
  if (conflict !== null) return { enabled: false, reason: { code: conflict } }
  const field = profileFieldFor(op)
  if (field !== null && !phone[field]) {
    return { enabled: false, reason: { code: 'profileIncomplete', field } }
  }
  return ENABLED
}
