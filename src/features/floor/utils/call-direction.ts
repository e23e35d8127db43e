import type { AcState } from '@/shared/ac-state'

/** Which way the agent's current call goes, as its state says. */
export type CallDirection = 'inbound' | 'outbound' | 'internal'

function directionOfState(state: AcState | null): CallDirection | null {
  switch (state) {
    case 'InboundRinging':
    case 'InboundTalking':
      return 'inbound'
    case 'ManualRinging':
    case 'ManualTalking':
    case 'OffHook':
    case 'PreView':
    case 'PreViewHold':
    case 'PreViewOffHook':
    case 'PreViewRinging':
    case 'PreViewTalking':
    case 'PreOccupiedRinging':
    case 'PreOccupiedTalking':
    case 'PredictiveRinging':
    case 'PredictiveTalking':
    case 'AgentAutoRinging':
    case 'AgentAutoTalking':
      return 'outbound'
    case 'InternalRinging':
    case 'InternalTalking':
      return 'internal'
    case 'Acw':
    case 'Allocate':
    case 'Aux':
    case 'Available':
    case 'Conference':
    case 'Hold':
    case 'LogOut':
    case 'Unknown':
    case null:
      return null
  }
}

/**
 * The direction of the call an agent is on: from its state, or, on hold, in a conference or
 * in after-call work, from the state before (the call's own ringing or talking). Null when
 * neither says.
 */
export function callDirection(agent: {
  acState: AcState
  lastACState: AcState | null
}): CallDirection | null {
  return directionOfState(agent.acState) ?? directionOfState(agent.lastACState)
}
