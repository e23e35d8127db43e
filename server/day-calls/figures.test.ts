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
    expect(total.abandonRate).toBeCloseTo(2 / 5)
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
    expect(total).toMatchObject({
      offered: 0,
      serviceLevel: null,
      abandonRate: null,
      asaSec: null,
      ahtSec: null,
    })
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

  const rules = () => ({ slThresholdSec: 20, shortAbandonSec: 5, slTargetPct: 80 })

  it('counts service level over offered minus short abandons, by queue wait', () => {
    const f = new DayFigures('d', rules)
    f.add(call({ queueSec: 20 })) // at the threshold: in
    f.add(call({ queueSec: 21 })) // over it: out
    f.add(call({ queueSec: 4, endReason: 'QueueAbandon', agentId: null, answerTime: null }))
    f.add(call({ queueSec: 40, endReason: 'QueueAbandon', agentId: null, answerTime: null }))
    const { total } = f.read()
    // 1 in threshold of 4 offered less 1 short abandon
    expect(total.serviceLevel).toBeCloseTo(1 / 3)
    // every abandon counts in the abandon rate, short or not
    expect(total.abandonRate).toBeCloseTo(2 / 4)
  })

  it('averages the wait to answer over answered calls only, ringing not counted', () => {
    const f = new DayFigures('d', rules)
    f.add(call({ queueSec: 8 }))
    f.add(call({ queueSec: 12 }))
    f.add(call({ queueSec: 90, endReason: 'QueueAbandon', agentId: null, answerTime: null }))
    expect(f.read().total.asaSec).toBeCloseTo(10)
  })

  it('takes talk, hold and after-call work into the average handle time', () => {
    const f = new DayFigures('d', rules)
    f.add(call({ talkSec: 999 })) // the record's talk time is not what is counted
    f.add(call({ talkSec: 999 }))
    f.addHandle('7001@test.cc', '1.1', 'talk', 200)
    f.addHandle('7001@test.cc', '1.1', 'hold', 40)
    f.addHandle('7001@test.cc', '1.1', 'acw', 60)
    const { total } = f.read()
    expect(total.ahtSec).toBeCloseTo((200 + 40 + 60) / 2)
    expect(total).toMatchObject({ avgTalkSec: 100, avgHoldSec: 20, avgAcwSec: 30 })
  })

  it('narrows agent figures by department and leaves queue figures to the skill groups', () => {
    const f = new DayFigures('d', rules)
    f.add(call({ orgTreePos: '1.1', queueSec: 10 }))
    f.add(call({ orgTreePos: '1.2', queueSec: 30 }))
    f.add(call({ orgTreePos: null, queueSec: 60, endReason: 'QueueAbandon', agentId: null }))
    f.add(call({ orgTreePos: '1.2', callType: 'ManualOutbound', skillId: null }))
    f.addHandle('7001@test.cc', '1.2', 'talk', 120)
    const all = () => true
    const dept12 = (_s: string | null, org: string | null) => org === '1.2'
    const { total } = f.readSplit(all, dept12, dept12)
    // queue figures: every call of the skill group, whichever department took it
    expect(total).toMatchObject({ offered: 3, abandoned: 1, longestQueueSec: 60 })
    expect(total.serviceLevel).toBeCloseTo(1 / 3)
    // agent figures: the department's answers only
    expect(total).toMatchObject({ answered: 1, asaSec: 30, ahtSec: 120, outbound: 1 })
  })
})
