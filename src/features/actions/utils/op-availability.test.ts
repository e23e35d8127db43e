import { describe, expect, it } from 'vitest'
import { AC_STATES, type AcState } from '@/shared/ac-state'
import { ACTION_OPS, type ActionOp, OFFERED_OPS } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import { stateConflict } from '@/shared/state-conflict'
import { agent } from '@/testing/fixtures'
import { type SupervisorPhone, opAvailability } from './op-availability'

const PHONE: SupervisorPhone = { deviceId: '8002', phoneNumber: '13912345678' }

/** An agent in `acState`, on a call when the state family has one. */
function inState(acState: AcState, extra: Partial<AgentView> = {}): AgentView {
  return agent(1, { acState, callId: 'call-1', ...extra })
}

const codeOf = (op: ActionOp, a: AgentView, phone = PHONE, pending: ActionOp | null = null) => {
  const result = opAvailability(op, a, phone, pending)
  return result.enabled ? 'ok' : result.reason.code
}

/** Every offered op’s verdict, in OFFERED_OPS order, for one agent. */
const row = (a: AgentView) => OFFERED_OPS.map((op) => codeOf(op, a))

describe('opAvailability', () => {
  // OFFERED_OPS: listen, join, take, drop, ready, not-ready, logout
  it.each([
    [
      'available',
      inState('Available', { callId: null }),
      ['not_in_call', 'not_in_call', 'not_in_call', 'not_in_call', 'already_ready', 'ok', 'ok'],
    ],
    [
      'ringing',
      inState('InboundRinging'),
      ['not_in_call', 'not_in_call', 'not_in_call', 'not_in_call', 'ok', 'ok', 'ok'],
    ],
    ['talking', inState('InboundTalking'), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
    ['hold', inState('Hold'), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
    ['conference', inState('Conference'), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
    [
      'acw',
      inState('Acw', { callId: null }),
      ['not_in_call', 'not_in_call', 'not_in_call', 'not_in_call', 'ok', 'ok', 'ok'],
    ],
    [
      'notReady (Aux)',
      inState('Aux', { callId: null }),
      ['not_in_call', 'not_in_call', 'not_in_call', 'not_in_call', 'ok', 'already_not_ready', 'ok'],
    ],
    [
      'notReady (Unknown)',
      inState('Unknown', { callId: null }),
      ['not_in_call', 'not_in_call', 'not_in_call', 'not_in_call', 'ok', 'ok', 'ok'],
    ],
    [
      'logged_out',
      inState('LogOut', { callId: null }),
      [
        'not_in_call',
        'not_in_call',
        'not_in_call',
        'not_in_call',
        'logged_out',
        'logged_out',
        'logged_out',
      ],
    ],
  ])('%s', (_family, a, expected) => {
    expect(row(a)).toEqual(expected)
  })

  it('needs a call id for the call operations, even in a talking state', () => {
    expect(row(inState('InboundTalking', { callId: null })).slice(0, 4)).toEqual([
      'not_in_call',
      'not_in_call',
      'not_in_call',
      'not_in_call',
    ])
  })

  it('needs the agent’s extension for every operation', () => {
    const a = inState('InboundTalking', { channelAddr: null })
    expect(new Set(row(a))).toEqual(new Set(['no_extension']))
  })

  it('asks for the extension to listen and the number to join or take', () => {
    const a = inState('InboundTalking')
    const none = { deviceId: null, phoneNumber: null }
    expect(opAvailability('listen', a, none)).toEqual({
      enabled: false,
      reason: { code: 'profileIncomplete', field: 'deviceId' },
    })
    for (const op of ['join', 'take'] as const) {
      expect(opAvailability(op, a, { deviceId: '8002', phoneNumber: null })).toEqual({
        enabled: false,
        reason: { code: 'profileIncomplete', field: 'phoneNumber' },
      })
    }
    // Hanging up and the state operations use no phone of the supervisor's.
    for (const op of ['drop', 'ready', 'not-ready', 'logout'] as const) {
      expect(codeOf(op, a, none)).toBe('ok')
    }
    // The state comes first, as the relay checks it first.
    expect(codeOf('listen', inState('Available', { callId: null }), none)).toBe('not_in_call')
  })

  it('offers nothing while an action on the agent awaits its answer', () => {
    expect(opAvailability('drop', inState('InboundTalking'), PHONE, 'listen')).toEqual({
      enabled: false,
      reason: { code: 'pending', op: 'listen' },
    })
  })

  it('gives the relay’s own code for every state, op, call and extension', () => {
    for (const acState of AC_STATES) {
      for (const callId of ['call-1', null]) {
        for (const channelAddr of ['8001@test.cc', null]) {
          const a = agent(1, { acState, callId, channelAddr })
          for (const op of ACTION_OPS) {
            expect(codeOf(op, a), `${op} on ${acState}`).toBe(stateConflict(op, a) ?? 'ok')
          }
        }
      }
    }
  })
})
