import { describe, expect, it } from 'vitest'
import type { AcState } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { HandleTimeTracker } from './handle-time'

let serial = 0
function at(sec: number, acState: AcState, workSkill: string | null): AgentView {
  serial += 1
  return {
    id: '5001@test.cc',
    name: null,
    namespace: 'test.cc',
    acState,
    acStateRaw: null,
    lastACState: null,
    stateSince: sec * 1000,
    callId: workSkill ? 'c1' : null,
    customerNumber: null,
    channelAddr: null,
    skills: ['7001@test.cc'],
    workSkill,
    org: { id: 'o1', name: 'A', treePos: '1.1' },
    reason: null,
    serial: String(serial),
  }
}

describe('handle time from agent states', () => {
  it('gives talk, hold and the after-call work that follows to the call’s skill group', () => {
    const t = new HandleTimeTracker()
    const skill = '7001@test.cc'
    const pieces = [
      at(0, 'Available', null),
      at(10, 'InboundRinging', skill),
      at(15, 'InboundTalking', skill),
      at(75, 'Hold', skill),
      at(95, 'InboundTalking', skill),
      at(115, 'Acw', null), // the platform clears workSkill in after-call work
      at(145, 'Available', null),
    ]
      .map((v) => t.next(v))
      .filter((p) => p !== null)
    expect(pieces.map((p) => [p.part, p.skillId, (p.to - p.from) / 1000])).toEqual([
      ['talk', skill, 60],
      ['hold', skill, 20],
      ['talk', skill, 20],
      ['acw', skill, 30],
    ])
  })

  it('counts nothing for outbound calls, ringing or a repeated event', () => {
    const t = new HandleTimeTracker()
    const out = [
      at(0, 'ManualRinging', null),
      at(5, 'ManualTalking', null),
      at(50, 'ManualTalking', null),
      at(50, 'Acw', null),
      at(60, 'Available', null),
    ].map((v) => t.next(v))
    expect(out.every((p) => p === null)).toBe(true)
  })
})
