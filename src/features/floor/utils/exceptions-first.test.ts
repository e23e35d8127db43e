import { describe, expect, it } from 'vitest'
import { defaultSettings } from '@/shared/settings'
import { T0, agent, inState } from '@/testing/fixtures'
import { breachLevels } from './breach'
import { exceptionsFirst, onlyOverTime } from './exceptions-first'

const SEC = 1000
const settings = {
  ...defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 }),
  families: {
    ringing: { amberSec: 15, redSec: 30 },
    talking: { amberSec: 300, redSec: 600 },
    hold: { amberSec: 60, redSec: 120 },
    acw: { amberSec: 60, redSec: 120 },
    notReady: { amberSec: 600, redSec: 1200 },
  },
}
const NOW = T0 + 3600 * SEC

const roster = [
  agent(1), // ready: never over
  inState(agent(2), 'InboundTalking', NOW - 400 * SEC), // amber, 100 s over
  inState(agent(3), 'Hold', NOW - 130 * SEC), // red, 10 s over
  inState(agent(4), 'InboundTalking', NOW - 900 * SEC), // red, 300 s over
  inState(agent(5), 'Aux', NOW - 100 * SEC), // within its time
  inState(agent(6), 'Acw', NOW - 70 * SEC), // amber, 10 s over
]
const agents = Object.fromEntries(roster.map((a) => [a.id, a]))
const ids = roster.map((a) => a.id)
const levels = breachLevels(agents, ids, settings, NOW)
const short = (list: readonly string[]) => list.map((id) => Number(id.slice(0, 4)) - 5000)

describe('exceptionsFirst', () => {
  it('puts red before amber, each longest over its threshold first, then the rest as they came', () => {
    expect(short(exceptionsFirst(ids, levels, agents, settings))).toEqual([4, 3, 2, 6, 1, 5])
  })

  it('measures time over against the threshold of each state, not time in state', () => {
    const acw = inState(agent(7), 'Acw', NOW - 115 * SEC) // 55 s over, 115 s in state
    const talk = inState(agent(8), 'InboundTalking', NOW - 340 * SEC) // 40 s over, 340 s in state
    const two = { [talk.id]: talk, [acw.id]: acw }
    const order = [talk.id, acw.id]
    const over = breachLevels(two, order, settings, NOW)
    expect(short(exceptionsFirst(order, over, two, settings))).toEqual([7, 8])
  })

  it('leaves the order alone when nobody is over time or there are no thresholds yet', () => {
    expect(exceptionsFirst(ids, {}, agents, settings)).toBe(ids)
    expect(exceptionsFirst(ids, levels, agents, null)).toBe(ids)
  })

  it('keeps only the agents over time for the over-time filter', () => {
    expect(short(onlyOverTime(ids, levels))).toEqual([2, 3, 4, 6])
  })
})
