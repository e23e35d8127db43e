import { describe, expect, it } from 'vitest'
import {
  agoParts,
  formatClock,
  formatDateTime,
  formatElapsed,
  formatElapsedShort,
  formatHourMinute,
  formatPercent,
  formatSeconds,
  localPart,
  shortCallId,
} from './format'

describe('formatElapsed', () => {
  it.each([
    [0, '00:00'],
    [999, '00:00'],
    [1_000, '00:01'],
    [59_999, '00:59'],
    [60_000, '01:00'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_661_000, '1:01:01'],
    [27 * 3_600_000 + 5_000, '27:00:05'],
  ])('%i ms shows as %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text)
  })

  it('never shows a negative time (server clock ahead of stateSince)', () => {
    expect(formatElapsed(-5_000)).toBe('00:00')
    expect(formatElapsed(Number.NaN)).toBe('00:00')
  })
})

describe('formatElapsedShort', () => {
  it.each([
    [59_000, '00:59'],
    [3_599_000, '59:59'],
    [3_600_000, '1h00'],
    [3 * 3_600_000 + 95_000, '3h01'],
    [27 * 3_600_000 + 5_000, '27h00'],
    [-1, '00:00'],
  ])('%i ms shows as %s, never wider than mm:ss below 10 hours', (ms, text) => {
    expect(formatElapsedShort(ms)).toBe(text)
  })
})

describe('formatSeconds / formatPercent', () => {
  it('rounds seconds and shows a dash when unknown', () => {
    expect(formatSeconds(12.6)).toBe('00:13')
    expect(formatSeconds(null)).toBe('—')
  })
  it('shows a ratio as a whole percentage', () => {
    expect(formatPercent(0.876, 'en')).toBe('88%')
    expect(formatPercent(null, 'en')).toBe('—')
  })
})

describe('agoParts', () => {
  it('picks the largest sensible unit', () => {
    expect(agoParts(2_000)).toEqual({ unit: 'justNow', count: 0 })
    expect(agoParts(42_000)).toEqual({ unit: 'secondsAgo', count: 42 })
    expect(agoParts(125_000)).toEqual({ unit: 'minutesAgo', count: 2 })
    expect(agoParts(2 * 3_600_000)).toEqual({ unit: 'hoursAgo', count: 2 })
    expect(agoParts(3 * 86_400_000)).toEqual({ unit: 'daysAgo', count: 3 })
  })
})

describe('ids', () => {
  it('shortens call ids and strips the domain from agent ids', () => {
    expect(shortCallId('a8307aa5-bd11-4216-a6e2-5e5d6161aec4')).toBe('a8307aa5…')
    expect(shortCallId('c-12')).toBe('c-12')
    expect(localPart('5001@test.cc')).toBe('5001')
    expect(localPart('5001')).toBe('5001')
  })
})

describe('times in platform time', () => {
  // 2025-01-06 01:02:03 UTC: 09:02:03 in Shanghai, whatever zone the browser is in.
  const AT = Date.UTC(2025, 0, 6, 1, 2, 3)

  it('reads the clock in Shanghai by default, or in the zone given', () => {
    expect(formatClock(AT)).toBe('09:02:03')
    expect(formatHourMinute(AT)).toBe('09:02')
    expect(formatClock(AT, 'UTC')).toBe('01:02:03')
  })

  it('writes date and time per language, in platform time', () => {
    expect(formatDateTime(AT, 'zh-CN')).toBe('2025/01/06 09:02')
    expect(formatDateTime(AT, 'en')).toBe('01/06/2025, 09:02')
  })
})
