/**
 * Agent states (`acState` / `lastACState`) as the platform names them (seed 003, §7.3),
 * and the seven families the floor colours them by.
 */
export const AC_STATES = [
  'Aux',
  'Available',
  'Acw',
  'Allocate',
  'LogOut',
  'PreView',
  'PreViewHold',
  'OffHook',
  'Hold',
  'Conference',
  'InboundRinging',
  'InboundTalking',
  'ManualRinging',
  'ManualTalking',
  'InternalRinging',
  'InternalTalking',
  'PreOccupiedRinging',
  'PreOccupiedTalking',
  'PredictiveRinging',
  'PredictiveTalking',
  'AgentAutoRinging',
  'AgentAutoTalking',
  'PreViewOffHook',
  'PreViewRinging',
  'PreViewTalking',
  'Unknown',
] as const

export type AcState = (typeof AC_STATES)[number]

const AC_STATE_SET: ReadonlySet<string> = new Set(AC_STATES)

export function isAcState(value: string): value is AcState {
  return AC_STATE_SET.has(value)
}

/**
 * Families in the order a team lead reads the floor: who can take a call, who is about to,
 * who is on one, who is wrapping up, who is away.
 */
export const STATE_FAMILIES = [
  'available',
  'ringing',
  'talking',
  'hold',
  'acw',
  'notReady',
  'loggedOut',
] as const

export type StateFamily = (typeof STATE_FAMILIES)[number]

/**
 * The family of a state. "ringing" covers every step of setting a call up (reserved,
 * previewing, off hook, ringing); "hold" covers hold and conference.
 */
export function stateFamily(state: AcState): StateFamily {
  switch (state) {
    case 'Available':
      return 'available'
    case 'Allocate':
    case 'PreView':
    case 'PreViewHold':
    case 'OffHook':
    case 'PreViewOffHook':
    case 'InboundRinging':
    case 'ManualRinging':
    case 'InternalRinging':
    case 'PreOccupiedRinging':
    case 'PredictiveRinging':
    case 'AgentAutoRinging':
    case 'PreViewRinging':
      return 'ringing'
    case 'InboundTalking':
    case 'ManualTalking':
    case 'InternalTalking':
    case 'PreOccupiedTalking':
    case 'PredictiveTalking':
    case 'AgentAutoTalking':
    case 'PreViewTalking':
      return 'talking'
    case 'Hold':
    case 'Conference':
      return 'hold'
    case 'Acw':
      return 'acw'
    case 'Aux':
    case 'Unknown':
      return 'notReady'
    case 'LogOut':
      return 'loggedOut'
  }
}

/** True while the agent's device is part of a call (the precondition of drop, join, take, listen). */
export function isInCall(state: AcState): boolean {
  const family = stateFamily(state)
  return family === 'talking' || family === 'hold'
}

/** Reasons the platform gives for a state change (seed 003, §7.3); others pass through as text. */
export const STATE_REASONS = [
  'AgentOperation',
  'AllocateTimeout',
  'SessionTimeout',
  'MonitorLock',
  'MonitorUnlock',
] as const
