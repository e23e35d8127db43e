import { describe, expect, it } from 'vitest'
import { CallCenter } from './call-center'
import type { CallRecord } from './call-model'
import { ManualClock } from './clock'
import { createRandom } from './random'
import { REPEAT_CALLS_MAX } from './repeat-customers'

const START = Date.UTC(2024, 5, 3, 1, 0, 0) // 09:00 in Shanghai
const MINUTE = 60_000

/** The inbound calls a demo-sized floor ends in `minutes` simulated minutes. */
function inboundCalls(seed: number, minutes: number): CallRecord[] {
  const clock = new ManualClock(START)
  const ended: CallRecord[] = []
  const center = new CallCenter({
    clock,
    rng: createRandom(seed),
    agents: 40,
    skills: 4,
    namespace: 'test.cc',
    inboundPerMin: 12,
    outboundPerMin: 1,
    listener: { agentState: () => {}, callEnded: (r) => ended.push(r) },
  })
  center.start()
  for (let m = 0; m < minutes; m++) clock.advance(MINUTE)
  return ended.filter((r) => r.callType === 'Inbound')
}

function callsPerNumber(calls: CallRecord[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const c of calls) counts.set(c.customerPhone, (counts.get(c.customerPhone) ?? 0) + 1)
  return counts
}

describe('repeat customers', () => {
  it('call the hotline again within minutes of a demo starting, 2 to 4 times', () => {
    const early = callsPerNumber(inboundCalls(7, 10))
    expect([...early.values()].some((n) => n >= 2)).toBe(true)

    const hour = callsPerNumber(inboundCalls(7, 60))
    const repeats = [...hour.values()].filter((n) => n >= 2)
    expect(repeats.length).toBeGreaterThanOrEqual(5)
    expect(Math.max(...hour.values())).toBeLessThanOrEqual(REPEAT_CALLS_MAX)
    // Most callers still call once.
    expect([...hour.values()].filter((n) => n === 1).length).toBeGreaterThan(repeats.length)
  })

  it('are the same numbers for the same seed, others for another', () => {
    const numbers = (seed: number) => inboundCalls(seed, 20).map((c) => c.customerPhone)
    expect(numbers(11)).toEqual(numbers(11))
    expect(numbers(11)).not.toEqual(numbers(12))
  })
})
