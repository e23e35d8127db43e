import { describe, expect, it } from 'vitest'
import type { RosterEntry } from '../../src/shared/outbound'
import { ManualClock } from './clock'
import { BATCHES_MAX, BATCH_CALLS_MAX, BATCH_DIAL_MAX, RobotBatches } from './robot-batches'

const START = Date.UTC(2024, 5, 3, 1, 0, 0) // 09:00 in Shanghai
const SECOND = 1_000
const MINUTE = 60 * SECOND
const ALL_DAY = [START - 24 * 60 * MINUTE, START + 24 * 60 * MINUTE] as const

const entries = (n: number): RosterEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    line: i + 1,
    rosterId: `r${i + 1}`,
    prdType: 'loan',
    number: `139${String(i).padStart(8, '0')}`,
    customerId: null,
    data: {},
  }))

function setup() {
  const clock = new ManualClock(START)
  const batches = new RobotBatches(clock, 'test.cc', 'Asia/Shanghai', 1)
  const found = (campaignId = 'camp-01') => batches.calls(campaignId, ...ALL_DAY, clock.now())
  return { clock, batches, found }
}

describe('RobotBatches', () => {
  it('dials a list on the clock: nothing at once, then entry after entry, each call there once ended', () => {
    const { clock, batches, found } = setup()
    const batch = batches.add('camp-01', 'camp-01', null, entries(5))
    expect(batch.batchName).toBe('camp-0120240603090000')
    clock.advance(2 * SECOND)
    expect(found()).toEqual([])
    clock.advance(30 * MINUTE)
    const calls = found()
    expect(calls.map((c) => c.rosterId).sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5'])
    const begins = calls.map((c) => c.beginTime).sort((a, b) => a - b)
    expect(begins[0]! - START).toBeGreaterThanOrEqual(3 * SECOND)
    for (let i = 1; i < begins.length; i++) {
      expect(begins[i]! - begins[i - 1]!).toBeGreaterThanOrEqual(5 * SECOND - 1)
      expect(begins[i]! - begins[i - 1]!).toBeLessThanOrEqual(20 * SECOND + 1)
    }
    for (const c of calls) {
      expect(c.batchId).toBe(batch.batchId)
      expect(c.endTime).toBeGreaterThan(c.beginTime)
      if (c.resultCode === 0) {
        expect(c.answerTime).not.toBeNull()
        expect(c.talkLength).toBeGreaterThan(0)
      } else {
        expect(c.answerTime).toBeNull()
        expect(c.talkLength).toBe(0)
      }
    }
    expect(found('camp-02')).toEqual([])
  })

  it('keeps at most BATCHES_MAX lists, the oldest dropped and its dialling stopped', () => {
    const { clock, batches, found } = setup()
    const first = batches.add('camp-01', 'camp-01', null, entries(1))
    for (let i = 0; i < BATCHES_MAX; i++) batches.add('camp-01', 'camp-01', null, entries(1))
    expect(batches.size.batches).toBe(BATCHES_MAX)
    clock.advance(5 * MINUTE)
    const calls = found()
    expect(calls).toHaveLength(BATCHES_MAX)
    expect(calls.some((c) => c.batchId === first.batchId)).toBe(false)
  })

  it('plans at most BATCH_DIAL_MAX entries of a list and BATCH_CALLS_MAX in all', () => {
    const { batches } = setup()
    const lists = Math.ceil(BATCH_CALLS_MAX / BATCH_DIAL_MAX) + 1
    for (let i = 0; i < lists; i++)
      batches.add('camp-01', 'camp-01', null, entries(BATCH_DIAL_MAX + 5))
    expect(batches.size.planned).toBeLessThanOrEqual(BATCH_CALLS_MAX)
    expect(batches.size.batches).toBe(BATCH_CALLS_MAX / BATCH_DIAL_MAX)
  })

  it('dials nothing more once stopped', () => {
    const { clock, batches, found } = setup()
    batches.add('camp-01', 'camp-01', null, entries(3))
    batches.stop()
    clock.advance(30 * MINUTE)
    expect(found()).toEqual([])
    expect(clock.pending()).toBe(0)
  })
})
