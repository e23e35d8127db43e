import { isInCall } from './ac-state'
import { type ActionOp, CALL_OPS } from './actions'
import type { AgentView } from './floor'

/*
 * The rule of what an action may do in an agent's state, apart from the rest of the actions
 * contract: only the relay and the actions menus need it, not the floor's first bundle.
 */

/**
 * Why the agent's current state does not allow an operation: a call operation needs the agent
 * in a call (and its id); the state operations need the agent logged in and not already in the
 * state asked for; every operation needs the extension the agent is logged in on.
 */
export const STATE_CONFLICTS = [
  'not_in_call',
  'logged_out',
  'already_ready',
  'already_not_ready',
  'no_extension',
] as const
export type StateConflict = (typeof STATE_CONFLICTS)[number]

/**
 * Whether `op` may be run on the agent in its current state: the relay refuses with this code
 * (409 `conflict`) and the menus disable the item with it, so both decide alike. Null when the
 * state allows it. The wording of `not_in_call` names the agent's state (`acState`).
 */
export function stateConflict(
  op: ActionOp,
  agent: Pick<AgentView, 'acState' | 'callId' | 'channelAddr'>,
): StateConflict | null {
  if (CALL_OPS.includes(op)) {
    if (!isInCall(agent.acState) || !agent.callId) return 'not_in_call'
  } else if (agent.acState === 'LogOut') {
    return 'logged_out'
  } else if (op === 'ready' && agent.acState === 'Available') {
    return 'already_ready'
  } else if (op === 'not-ready' && agent.acState === 'Aux') {
    return 'already_not_ready'
  }
  if (!agent.channelAddr) return 'no_extension'
  return null
}
