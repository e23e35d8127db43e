import { isInCall } from '@/shared/ac-state'
import { type ActionOp, CALL_OPS } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'

/** The supervisor's own phone, as their profile keeps it (`Me.deviceId`, `Me.phoneNumber`). */
export interface SupervisorPhone {
  /** Extension the supervisor listens on. */
  deviceId: string | null
  /** Number calls are taken or joined to. */
  phoneNumber: string | null
}

/** Why an operation cannot be run on the agent now; each has its sentence in `actions.unavailable`. */
export type UnavailableReason =
  | { code: 'pending'; op: ActionOp }
  | { code: 'notInCall' }
  | { code: 'loggedOut' }
  | { code: 'alreadyReady' }
  | { code: 'alreadyNotReady' }
  | { code: 'noExtension' }
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
 * Whether `op` fits the agent as the floor shows it, by the relay's own rules and in its order
 * (`stateConflict` in server/actions/actions.service.ts, then the supervisor's profile), so a
 * disabled item says what the relay would have answered. `pending`: an action already running
 * on this agent, which blocks another until it is answered.
 */
export function opAvailability(
  op: ActionOp,
  agent: AgentView,
  phone: SupervisorPhone,
  pending: ActionOp | null = null,
): Availability {
  if (pending !== null) return { enabled: false, reason: { code: 'pending', op: pending } }
  if (CALL_OPS.includes(op)) {
    if (!isInCall(agent.acState) || !agent.callId) {
      return { enabled: false, reason: { code: 'notInCall' } }
    }
  } else if (agent.acState === 'LogOut') {
    return { enabled: false, reason: { code: 'loggedOut' } }
  } else if (op === 'ready' && agent.acState === 'Available') {
    return { enabled: false, reason: { code: 'alreadyReady' } }
  } else if (op === 'not-ready' && agent.acState === 'Aux') {
    return { enabled: false, reason: { code: 'alreadyNotReady' } }
  }
  if (!agent.channelAddr) return { enabled: false, reason: { code: 'noExtension' } }
  const field = profileFieldFor(op)
  if (field !== null && !phone[field]) {
    return { enabled: false, reason: { code: 'profileIncomplete', field } }
  }
  return ENABLED
}
