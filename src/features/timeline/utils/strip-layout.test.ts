import { describe, expect, it } from 'vitest'
import { stateFamily, type AcState } from '@/shared/ac-state'
import type { TimelineSegment } from '@/shared/timeline'
import { MIN_SEGMENT_PX, axisTicks, layoutStrip, stripRange } from './strip-layout'

const TZ = 'Asia/Shanghai'
const MIN = 60_000
// 2025-01-06 09:00 in Shanghai.
const NINE = Date.UTC(2025, 0, 6, 1, 0, 0)

function seg(acState: AcState, fromMin: number, toMin: number): TimelineSegment {
  return {
    acState,
    family: stateFamily(acState),
    from: NINE + fromMin * MIN,
    to: NINE + toMin * MIN,
    reason: null,
    callId: null,
  }
}

describe('layoutStrip', () => {
  it('places each segment by its share of the range', () => {
    const range = { from: NINE, to: NINE + 100 * MIN }
    const items = layoutStrip(
      [seg('Available', 0, 25), seg('InboundTalking', 25, 75), seg('Acw', 75, 100)],
      range,
      1000,
    )
    expect(items.map((i) => [i.left, i.width, i.tiny])).toEqual([
      [0, 25, false],
      [25, 50, false],
      [75, 25, false],
    ])
    expect(items.map((i) => i.index)).toEqual([0, 1, 2])
  })

  it('clips segments to the range and leaves out those wholly outside it', () => {
    const range = { from: NINE + 10 * MIN, to: NINE + 60 * MIN }
    const items = layoutStrip(
      [seg('LogOut', 0, 5), seg('Available', 5, 20), seg('Aux', 20, 90)],
      range,
      500,
    )
    expect(items.map((i) => i.segment.acState)).toEqual(['Available', 'Aux'])
    expect(items.map((i) => i.index)).toEqual([1, 2]) // positions in the segment list, for keys
    expect(items[0]).toMatchObject({ left: 0, width: 20 })
    expect(items[1]).toMatchObject({ left: 20, width: 80 })
  })

  it(`draws a tiny segment ${MIN_SEGMENT_PX} px wide where it starts, never past the end`, () => {
    const range = { from: NINE, to: NINE + 600 * MIN }
    // A two-second ring on a ten-hour strip 600 px wide: 0.06 px of time.
    const ring = { ...seg('InboundRinging', 300, 300), to: NINE + 300 * MIN + 2_000 }
    const last = { ...seg('Acw', 599, 599), from: NINE + 600 * MIN - 1_000, to: NINE + 600 * MIN }
    const items = layoutStrip([seg('Available', 0, 300), ring, last], range, 600)
    const [, tiny, end] = items
    expect(tiny).toMatchObject({ tiny: true, left: 50, width: 0.5 })
    expect(end).toMatchObject({ tiny: true, width: 0.5 })
    expect(end!.left + end!.width).toBeCloseTo(100)
    expect(items[0]!.tiny).toBe(false)
  })

  it('has nothing to draw in an empty range', () => {
    expect(layoutStrip([seg('Available', 0, 10)], { from: NINE, to: NINE }, 500)).toEqual([])
  })
})

describe('stripRange and the axis', () => {
  it('starts at a round tick before the first state, in platform time, and ends at now', () => {
    // First event at 09:07, now 11:40: 30-minute ticks from 09:00.
    const range = stripRange([seg('Available', 7, 160)], NINE + 160 * MIN, TZ)
    expect(range).toEqual({ from: NINE, to: NINE + 160 * MIN, stepMin: 30 })
    const ticks = axisTicks(range!)
    expect(ticks[0]).toBe(NINE)
    expect(ticks.at(-1)).toBe(NINE + 150 * MIN)
    expect(ticks.length).toBeLessThanOrEqual(7)
  })

  it('uses minutes for a day that has only just begun', () => {
    const range = stripRange([seg('Available', 3.5, 7)], NINE + 7 * MIN, TZ)
    expect(range).toEqual({ from: NINE + 3 * MIN, to: NINE + 7 * MIN, stepMin: 1 })
  })

  it('rounds hour steps to the platform’s hours, whatever the UTC offset', () => {
    // First event at 10:00 Shanghai, now 23:00: 3-hour ticks on Shanghai's 09:00, 12:00…
    // (flooring in UTC would start at 08:00 Shanghai).
    const range = stripRange([seg('Available', 60, 840)], NINE + 840 * MIN, TZ)
    expect(range).toEqual({ from: NINE, to: NINE + 840 * MIN, stepMin: 180 })
  })

  it('takes a longer step when going back to a round tick made the span too long', () => {
    // 09:40 to 20:40 fits 2-hour ticks, but from 08:00 it no longer does: 3 hours, from 09:00.
    const range = stripRange([seg('Available', 40, 700)], NINE + 700 * MIN, TZ)
    expect(range).toEqual({ from: NINE, to: NINE + 700 * MIN, stepMin: 180 })
  })

  it('has no range without segments', () => {
    expect(stripRange([], NINE, TZ)).toBeNull()
  })
})
