import { describe, expect, it } from 'vitest'
import { i18n, loadLanguage } from '@/lib/i18n'
import { stateFamily, type AcState } from '@/shared/ac-state'
import type { TimelineSegment } from '@/shared/timeline'
import { durationParts, durationText, familyTotals } from './totals'

await loadLanguage('en') // English is fetched when wanted, as in the page

const T = Date.UTC(2025, 0, 6, 1, 0, 0)

function seg(acState: AcState, fromSec: number, toSec: number): TimelineSegment {
  return {
    acState,
    family: stateFamily(acState),
    from: T + fromSec * 1000,
    to: T + toSec * 1000,
    reason: null,
    callId: null,
  }
}

describe('familyTotals', () => {
  it('counts times in and time spent per family, in family order, with shares', () => {
    const rows = familyTotals([
      seg('Available', 0, 60),
      seg('InboundRinging', 60, 70),
      seg('InboundTalking', 70, 250),
      seg('Acw', 250, 280),
      seg('Available', 280, 400),
      seg('ManualTalking', 400, 400.5),
    ])
    expect(rows.map((r) => [r.family, r.count, r.seconds])).toEqual([
      ['available', 2, 180],
      ['ringing', 1, 10],
      ['talking', 2, 180.5],
      ['acw', 1, 30],
    ])
    expect(rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1)
    expect(rows[0]!.share).toBeCloseTo(180 / 400.5)
  })

  it('has no rows for a day without states', () => {
    expect(familyTotals([])).toEqual([])
  })
})

describe('durations in words', () => {
  const zh = i18n.getFixedT('zh')
  const en = i18n.getFixedT('en')

  it('splits seconds into hours, minutes and seconds', () => {
    expect(durationParts(3_725.9)).toEqual({ h: 1, m: 2, s: 5 })
    expect(durationParts(-3)).toEqual({ h: 0, m: 0, s: 0 })
    expect(durationParts(Number.NaN)).toEqual({ h: 0, m: 0, s: 0 })
  })

  it('says the two largest units, in each language', () => {
    expect(durationText(9.7, zh)).toBe('9 秒')
    expect(durationText(252, zh)).toBe('4 分 12 秒')
    expect(durationText(3_725, zh)).toBe('1 小时 2 分')
    expect(durationText(9.7, en)).toBe('9 s')
    expect(durationText(252, en)).toBe('4 min 12 s')
    expect(durationText(3_725, en)).toBe('1 h 2 min')
    expect(durationText(0, en)).toBe('0 s')
  })
})
