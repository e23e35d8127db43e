import { describe, expect, it } from 'vitest'
import type { CallSummary } from '@/shared/floor'
import { DayFigures } from './figures'

function call(over: Partial<CallSummary>): CallSummary {
  return {
    callId: Math.random().toString(36),
    namespace: 'test.cc',
    callType: 'Inbound',
    ani: null,
    dnis: null,
    customerPhone: null,
    agentId: '5001@test.cc',
    deviceId: '8001@test.cc',
    skillId: '7001@test.cc',
    startTime: 0,
    answerTime: 1,
    endTime: 2,
    queueSec: 10,
    talkSec: 100,
    endReason: null,
    hangupCause: null,
    hangupDevice: null,
    conferenced: false,
    transferred: false,
    orgTreePos: '1.1',
    ...over,
  }
}

describe("today's figures", () => {
  it('counts offered, answered, abandoned, service level, ASA, AHT and longest queue', () => {
    const f = new DayFigures('2026-11-21', () => ({
      slThresholdSec: 20,
      shortAbandonSec: 5,
      slTargetPct: 80,
    }))
    f.add(call({ queueSec: 10, talkSec: 100 }))
    f.add(call({ queueSec: 30, talkSec: 200 }))
    f.add(call({ queueSec: 60, endReason: 'QueueAbandon', agentId: null, answerTime: null }))
    f.add(call({ queueSec: 2, endReason: 'QueueAbandon', agentId: null, answerTime: null }))
    f.add(call({ skillId: '7002@test.cc', queueSec: 5, talkSec: 60 }))
    f.add(call({ callType: 'ManualOutbound', skillId: null }))
    const { total, bySkill } = f.read()
    expect(total).toMatchObject({
      offered: 5,
      answered: 3,
      abandoned: 2,
      shortAbandoned: 1,
      answeredInThreshold: 2,
      longestQueueSec: 60,
      outbound: 1,
    })
    expect(total.serviceLevel).toBeCloseTo(2 / 4)
    expect(total.asaSec).toBeCloseTo((10 + 30 + 5) / 3)
    expect(total.ahtSec).toBeCloseTo((100 + 200 + 60) / 3)
    expect(bySkill.map((s) => [s.skillId, s.offered, s.answered])).toEqual([
      ['7001@test.cc', 4, 2],
      ['7002@test.cc', 1, 1],
    ])
  })

  it('has no service level, ASA or AHT before the first call', () => {
    const { total } = new DayFigures('d', () => ({
      slThresholdSec: 20,
      shortAbandonSec: 0,
      slTargetPct: 80,
    })).read()
    expect(total).toMatchObject({ offered: 0, serviceLevel: null, asaSec: null, ahtSec: null })
  })

  it('reads a part of the floor through a filter', () => {
    const f = new DayFigures('d', () => ({
      slThresholdSec: 20,
      shortAbandonSec: 0,
      slTargetPct: 80,
    }))
    f.add(call({ orgTreePos: '1.1' }))
    f.add(call({ orgTreePos: '1.2' }))
    f.add(call({ orgTreePos: '1.2', skillId: '7002@test.cc' }))
    expect(f.read((_skill, org) => org === '1.2').total.offered).toBe(2)
    expect(f.read((skill) => skill === '7002@test.cc').total.offered).toBe(1)
  })
})
