import { describe, expect, it } from 'vitest'
import { AC_STATES, type AcState, isInCall } from './ac-state'
import { ACTION_OPS, type ActionOp, CALL_OPS } from './actions'
import { stateConflict } from './state-conflict'

/** An agent in `acState` on call `call-1`, logged in on extension 8001. */
const agent = (
  acState: AcState,
  extra: { callId?: string | null; channelAddr?: string | null } = {},
) => ({
  acState,
  callId: 'call-1',
  channelAddr: '8001@test.cc',
  ...extra,
})

const STATE_OPS = ACTION_OPS.filter((op) => !CALL_OPS.includes(op))

describe('stateConflict', () => {
  it('lets the call operations run on an agent in a call', () => {
    for (const op of CALL_OPS) {
      for (const acState of ['InboundTalking', 'Hold', 'Conference'] as const) {
        expect(stateConflict(op, agent(acState)), `${op} on ${acState}`).toBeNull()
      }
    }
  })

  it('refuses the call operations with not_in_call outside a call, or without its id', () => {
    for (const op of CALL_OPS) {
      for (const acState of AC_STATES.filter((s) => !isInCall(s))) {
        expect(stateConflict(op, agent(acState)), `${op} on ${acState}`).toBe('not_in_call')
      }
      expect(stateConflict(op, agent('InboundTalking', { callId: null }))).toBe('not_in_call')
    }
  })

  it('refuses the state operations on a logged-out agent with logged_out', () => {
    for (const op of STATE_OPS) {
      expect(stateConflict(op, agent('LogOut', { callId: null })), op).toBe('logged_out')
    }
  })

  it('refuses ready on a ready agent and not-ready on a not-ready one, nothing else', () => {
    expect(stateConflict('ready', agent('Available', { callId: null }))).toBe('already_ready')
    expect(stateConflict('not-ready', agent('Aux', { callId: null }))).toBe('already_not_ready')
    expect(stateConflict('not-ready', agent('Available', { callId: null }))).toBeNull()
    expect(stateConflict('ready', agent('Aux', { callId: null }))).toBeNull()
    expect(stateConflict('logout', agent('Available', { callId: null }))).toBeNull()
    expect(stateConflict('logout', agent('Aux', { callId: null }))).toBeNull()
  })

  it('refuses every operation with no_extension when the agent’s extension is not known', () => {
    for (const op of CALL_OPS) {
      expect(stateConflict(op, agent('InboundTalking', { channelAddr: null })), op).toBe(
        'no_extension',
      )
    }
    for (const op of STATE_OPS) {
      expect(stateConflict(op, agent('Acw', { channelAddr: null })), op).toBe('no_extension')
    }
  })

  it('names the state before the extension', () => {
    const unknownPhone = { callId: null, channelAddr: null }
    expect(stateConflict('listen', agent('Available', unknownPhone))).toBe('not_in_call')
    expect(stateConflict('ready', agent('LogOut', unknownPhone))).toBe('logged_out')
    expect(stateConflict('ready', agent('Available', unknownPhone))).toBe('already_ready')
    expect(stateConflict('not-ready', agent('Aux', unknownPhone))).toBe('already_not_ready')
  })
})

// The op families the rule tells apart, so a new op is placed in one deliberately.
it('knows every operation as a call operation or a state operation', () => {
  expect([...CALL_OPS, ...STATE_OPS].sort()).toEqual([...ACTION_OPS].sort())
  expect(STATE_OPS).toEqual(['ready', 'not-ready', 'logout'] satisfies ActionOp[])
})
