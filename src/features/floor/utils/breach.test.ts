import { describe, expect, it } from 'vitest'
import type { AcState } from '@/shared/ac-state'
import {
  DEFAULT_FAMILY_THRESHOLDS,
  type FloorSettings,
  type ThresholdFamily,
  defaultSettings,
} from '@/shared/settings'
import { T0, agent, inState } from '@/testing/fixtures'
import { agentBreach, breachLevels, countBreaches, secondsInState } from './breach'

const settings: FloorSettings = {
  ...defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 }),
  bySkill: {
    '7009@test.cc': {
      ringing: { amberSec: 5, redSec: 10 },
      talking: { amberSec: 60, redSec: 120 },
    },
  },
}
const S = 1000

/** A state of each family with a threshold. */
const STATE_OF: Record<ThresholdFamily, AcState> = {
  ringing: 'InboundRinging',
  talking: 'InboundTalking',
  hold: 'Hold',
  acw: 'Acw',
  notReady: 'Aux',
}

describe('breach of an agent', () => {
  it('turns amber and red exactly at each family’s thresholds', () => {
    for (const [family, state] of Object.entries(STATE_OF) as [ThresholdFamily, AcState][]) {
      const { amberSec, redSec } = DEFAULT_FAMILY_THRESHOLDS[family]
      const a = inState(agent(1), state, T0)
      const at = (sec: number) => agentBreach(a, settings, T0 + sec * S)
      expect(at(0), family).toBe('ok')
      expect(at(amberSec - 1), family).toBe('ok')
      expect(at(amberSec), family).toBe('amber')
      expect(at(redSec - 1), family).toBe('amber')
      expect(at(redSec), family).toBe('red')
      expect(at(redSec * 10), family).toBe('red')
    }
  })

  it('counts whole seconds: 14.999 s of ringing is not yet 15', () => {
    const a = inState(agent(1), 'InboundRinging', T0)
    expect(agentBreach(a, settings, T0 + 14_999)).toBe('ok')
    expect(agentBreach(a, settings, T0 + 15_000)).toBe('amber')
    expect(secondsInState(T0, T0 - 5_000)).toBe(0) // a clock behind the state's start
  })

  it('never breaches available or logged-out agents, nor before the settings load', () => {
    expect(agentBreach(inState(agent(1), 'Available', T0), settings, T0 + 86_400 * S)).toBe('ok')
    expect(agentBreach(inState(agent(1), 'LogOut', T0), settings, T0 + 86_400 * S)).toBe('ok')
    expect(agentBreach(inState(agent(1), 'Aux', T0), null, T0 + 86_400 * S)).toBe('ok')
  })

  it('uses the skill group of the call when it has its own rule, the family’s otherwise', () => {
    const ringing = inState(agent(1), 'InboundRinging', T0, { workSkill: '7009@test.cc' })
    expect(agentBreach(ringing, settings, T0 + 4 * S)).toBe('ok')
    expect(agentBreach(ringing, settings, T0 + 5 * S)).toBe('amber')
    expect(agentBreach(ringing, settings, T0 + 10 * S)).toBe('red')
    const talking = inState(agent(1), 'InboundTalking', T0, { workSkill: '7009@test.cc' })
    expect(agentBreach(talking, settings, T0 + 120 * S)).toBe('red')
    // No override for hold in that group: the family's 60 s / 180 s apply.
    const hold = inState(agent(1), 'Hold', T0, { workSkill: '7009@test.cc' })
    expect(agentBreach(hold, settings, T0 + 120 * S)).toBe('amber')
    // Another group: the family's rule.
    const other = inState(agent(1), 'InboundRinging', T0, { workSkill: '7001@test.cc' })
    expect(agentBreach(other, settings, T0 + 10 * S)).toBe('ok')
  })

  it('lists and counts the agents past a threshold', () => {
    const agents = {
      a: inState(agent(1, { id: 'a' }), 'InboundRinging', T0 - 40 * S),
      b: inState(agent(2, { id: 'b' }), 'Acw', T0 - 90 * S),
      c: inState(agent(3, { id: 'c' }), 'Available', T0 - 3600 * S),
      d: inState(agent(4, { id: 'd' }), 'Aux', T0 - 25 * 60 * S),
    }
    const levels = breachLevels(agents, ['a', 'b', 'c', 'd'], settings, T0)
    expect(levels).toEqual({ a: 'red', b: 'amber', d: 'red' })
    expect(countBreaches(levels)).toEqual({ amber: 1, red: 2 })
  })
})
