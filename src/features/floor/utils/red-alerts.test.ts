import { describe, expect, it } from 'vitest'
import { type AlertCandidate, RedAlertGate } from './red-alerts'

const GAP = 30_000
const T = 1_000_000

function floor(
  red: Record<string, boolean>,
  stretch: Record<string, string> = {},
): AlertCandidate[] {
  return Object.entries(red).map(([id, isRed]) => ({
    id,
    stretch: stretch[id] ?? 's1',
    red: isRed,
  }))
}

describe('red alerts', () => {
  it('does not announce agents already red when watching starts', () => {
    const gate = new RedAlertGate(GAP)
    expect(gate.observe(floor({ a: true, b: false }), T)).toEqual([])
    expect(gate.observe(floor({ a: true, b: false }), T + 1_000)).toEqual([])
  })

  it('announces an agent once per state stretch', () => {
    const gate = new RedAlertGate(GAP)
    gate.observe(floor({ a: false }), T)
    expect(gate.observe(floor({ a: true }), T + 1_000)).toEqual(['a'])
    expect(gate.observe(floor({ a: true }), T + 60_000)).toEqual([])
    // Back within its time in the same stretch (thresholds raised), then red again: still once.
    gate.observe(floor({ a: false }), T + 61_000)
    expect(gate.observe(floor({ a: true }), T + 122_000)).toEqual([])
    // A new stretch (the agent changed state and stayed too long again): announced again.
    gate.observe(floor({ a: false }, { a: 's2' }), T + 123_000)
    expect(gate.observe(floor({ a: true }, { a: 's2' }), T + 124_000)).toEqual(['a'])
  })

  it('gives at most one alert per gap, gathering those who turned red meanwhile', () => {
    const gate = new RedAlertGate(GAP)
    gate.observe(floor({ a: false, b: false, c: false }), T)
    expect(gate.observe(floor({ a: true, b: false, c: false }), T + 1_000)).toEqual(['a'])
    expect(gate.observe(floor({ a: true, b: true, c: false }), T + 2_000)).toEqual([])
    expect(gate.observe(floor({ a: true, b: true, c: true }), T + 20_000)).toEqual([])
    expect(gate.observe(floor({ a: true, b: true, c: true }), T + 31_000)).toEqual(['b', 'c'])
    expect(gate.observe(floor({ a: true, b: true, c: true }), T + 90_000)).toEqual([])
  })

  it('drops a waiting agent who is no longer red when the alert is due', () => {
    const gate = new RedAlertGate(GAP)
    gate.observe(floor({ a: false, b: false }), T)
    gate.observe(floor({ a: true, b: false }), T + 1_000)
    gate.observe(floor({ a: true, b: true }), T + 2_000)
    // b took a call (new state) before the next alert was due.
    expect(gate.observe(floor({ a: true, b: false }, { b: 's2' }), T + 40_000)).toEqual([])
  })

  it('forgets agents who left, so it does not grow with the hours', () => {
    const gate = new RedAlertGate(GAP)
    gate.observe([], T)
    for (let i = 0; i < 1_000; i++) {
      const id = `agent-${i}`
      gate.observe([{ id, stretch: 's', red: true }], T + i * GAP)
      gate.observe([], T + i * GAP + 1)
    }
    const seen = (gate as unknown as { seen: Map<string, string> }).seen
    expect(seen.size).toBe(0)
  })
})
