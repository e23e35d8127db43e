import { describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { defaultSettings, type FloorSettings, queueRuleFor } from '@/shared/settings'
import { breachMoments, mergeMoments, serviceLevelMoments } from './moments'
import type { QueueCall } from './replay.repo'

const SEC = 1000
const T0 = 1_796_500_000_000

function state(id: string, acState: string, since: number, over: Partial<AgentView> = {}) {
  return {
    id,
    name: id,
    namespace: 'test.cc',
    acState,
    acStateRaw: null,
    lastACState: null,
    stateSince: since,
    callId: null,
    customerNumber: null,
    channelAddr: null,
    skills: [],
    workSkill: null,
    org: { id: null, name: null, treePos: null },
    reason: null,
    serial: '1',
    ...over,
  } as AgentView
}

const settings: FloorSettings = {
  ...defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 }),
  bySkill: { vip: { hold: { amberSec: 10, redSec: 20 } } },
  queues: { vip: { slThresholdSec: 20, slTargetPct: 50, shortAbandonSec: 5 } },
}

describe('breach moments', () => {
  it('finds amber and red when a state outlasts them before the next event', () => {
    const events = [
      // Hold 200 s: amber at 60 s, red at 180 s.
      state('a', 'Hold', T0),
      state('a', 'Available', T0 + 200 * SEC),
      // Hold on a VIP call: its own thresholds (10 s, 20 s), ended after 15 s.
      state('b', 'Hold', T0, { workSkill: 'vip' }),
      state('b', 'InboundTalking', T0 + 15 * SEC, { workSkill: 'vip' }),
      state('b', 'Available', T0 + 30 * SEC),
      // The same after-call work told twice (a reason changed): one stretch of 100 s.
      state('c', 'Acw', T0),
      state('c', 'Acw', T0, { reason: 'Coffee' }),
      state('c', 'Available', T0 + 100 * SEC),
    ]
    const found = breachMoments(events, settings, T0, T0 + 3600 * SEC)
    expect(found.map((m) => [m.agentId, m.state, m.level, (m.at - T0) / SEC])).toEqual([
      ['a', 'Hold', 'amber', 60],
      ['a', 'Hold', 'red', 180],
      ['b', 'Hold', 'amber', 10],
      ['c', 'Acw', 'amber', 60],
    ])
  })

  it('keeps to the stretch asked for, and a state still on runs to its end', () => {
    const events = [state('a', 'Hold', T0)]
    expect(breachMoments(events, settings, T0 + 100 * SEC, T0 + 200 * SEC)).toMatchObject([
      { level: 'red', at: T0 + 180 * SEC },
    ])
    expect(breachMoments(events, settings, T0, T0 + 30 * SEC)).toEqual([])
  })
})

describe('service-level moments', () => {
  const call = (sec: number, over: Partial<QueueCall> = {}): { day: string; call: QueueCall } => ({
    day: '2026-12-07',
    call: {
      skillId: 'sales',
      orgTreePos: '1.1',
      callType: 'Inbound',
      endReason: 'CustomerHangup',
      agentId: 'a',
      answerTime: T0,
      queueSec: 5,
      endTime: T0 + sec * SEC,
      ...over,
    },
  })
  const rules = (id: string | null) => queueRuleFor(id, settings)
  const late = { queueSec: 60 }
  const abandoned = { agentId: null, answerTime: null, endReason: 'QueueAbandon', queueSec: 30 }

  it('says when the day falls below its target and comes back, in total and per queue', () => {
    const calls = [
      call(10),
      call(20, late), // 1/2 = 50 % < 80 %: below
      call(30),
      call(40),
      call(50), // 4/5 = 80 %: back
      call(60, { ...abandoned, queueSec: 2 }), // a short abandon: not counted
      call(70, { ...abandoned, skillId: 'vip' }), // VIP 0/1 < 50 %; total 4/6 < 80 %
      call(80, { callType: 'ManualOutbound', skillId: null, queueSec: 99 }), // not offered
    ]
    const found = serviceLevelMoments(calls, rules, () => true, T0, T0 + 3600 * SEC)
    expect(found.map((m) => [(m.at - T0) / SEC, m.skillId, m.direction, m.target])).toEqual([
      [20, null, 'below', 0.8],
      [20, 'sales', 'below', 0.8],
      [50, null, 'above', 0.8],
      [50, 'sales', 'above', 0.8],
      [70, null, 'below', 0.8],
      [70, 'vip', 'below', 0.5],
    ])
    // Only the queues the audience sees.
    const salesOnly = serviceLevelMoments(
      calls,
      rules,
      (skillId) => skillId === 'sales',
      T0,
      T0 + 3600 * SEC,
    )
    expect(salesOnly.map((m) => (m.at - T0) / SEC)).toEqual([20, 20, 50, 50])
    // Counted from the day's start, reported within the stretch; each day starts afresh.
    expect(
      serviceLevelMoments(calls, rules, () => true, T0 + 45 * SEC, T0 + 55 * SEC),
    ).toHaveLength(2)
    const nextDay = serviceLevelMoments(
      [call(10, late), { ...call(20), day: '2026-12-08' }],
      rules,
      () => true,
      T0,
      T0 + 3600 * SEC,
    )
    expect(nextDay.map((m) => m.direction)).toEqual(['below', 'below'])
  })

  it('keeps the oldest moments when there are too many', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      kind: 'breach' as const,
      at: T0 + (5 - i) * SEC,
      agentId: 'a',
      name: null,
      state: 'Hold',
      level: 'amber' as const,
    }))
    const { moments, truncated } = mergeMoments([many], 3)
    expect(truncated).toBe(true)
    expect(moments.map((m) => (m.at - T0) / SEC)).toEqual([1, 2, 3])
  })
})
