import { describe, expect, it } from 'vitest'
import {
  formatEventTime,
  formatQueryTime,
  parsePlatformTime,
  platformDay,
  startOfPlatformDay,
} from './platform-time'

const SH = 'Asia/Shanghai'

describe('parsePlatformTime', () => {
  it.each([
    ['2018.06.12 11:33:56.368', '2018-06-12T03:33:56.368Z'],
    ['2018-12-01 00:00:00', '2018-11-30T16:00:00.000Z'],
    ['2018/06/12 11:33:56', '2018-06-12T03:33:56.000Z'],
    ['2018-06-12T11:33:56.368', '2018-06-12T03:33:56.368Z'],
    ['2018-06-12T03:33:56.368Z', '2018-06-12T03:33:56.368Z'],
    ['2018-06-12T11:33:56+08:00', '2018-06-12T03:33:56.000Z'],
    ['2018-06-12 11:33:56.5', '2018-06-12T03:33:56.500Z'],
    ['2018-06-12', '2018-06-11T16:00:00.000Z'],
    ['1528774436368', '2018-06-12T03:33:56.368Z'],
    ['1528774436', '2018-06-12T03:33:56.000Z'],
  ])('reads %s', (text, iso) => {
    expect(new Date(parsePlatformTime(text, SH)!).toISOString()).toBe(iso)
  })

  it('reads epoch numbers in seconds and milliseconds', () => {
    expect(parsePlatformTime(1528774436368, SH)).toBe(1528774436368)
    expect(parsePlatformTime(1528774436, SH)).toBe(1528774436000)
  })

  it('reads local times in the zone it is given', () => {
    expect(new Date(parsePlatformTime('2018-06-12 11:33:56', 'UTC')!).toISOString()).toBe(
      '2018-06-12T11:33:56.000Z',
    )
  })

  it.each([
    '',
    'yesterday',
    '2018-13-01 00:00:00',
    '2018-02-30 10:00:00',
    '2018-06-12 25:00:00',
    '12:00',
    '2018.06.12 11:33:56.368 extra',
  ])('refuses %j', (text) => {
    expect(parsePlatformTime(text, SH)).toBeNull()
  })

  it('refuses what is not a time at all', () => {
    expect(parsePlatformTime(null, SH)).toBeNull()
    expect(parsePlatformTime({}, SH)).toBeNull()
    expect(parsePlatformTime(-5, SH)).toBeNull()
    expect(parsePlatformTime(Number.NaN, SH)).toBeNull()
  })
})

describe('formatting in platform time', () => {
  const t = Date.UTC(2018, 5, 12, 3, 33, 56, 368)
  it('writes event and query formats', () => {
    expect(formatEventTime(t, SH)).toBe('2018.06.12 11:33:56.368')
    expect(formatQueryTime(t, SH)).toBe('2018-06-12 11:33:56')
  })
  it('round-trips', () => {
    expect(parsePlatformTime(formatEventTime(t, SH), SH)).toBe(t)
  })
  it('knows the platform day, which differs from the UTC day after 16:00 UTC', () => {
    const late = Date.UTC(2018, 5, 12, 17, 0, 0)
    expect(platformDay(late, SH)).toBe('2018-06-13')
    expect(new Date(startOfPlatformDay(late, SH)).toISOString()).toBe('2018-06-12T16:00:00.000Z')
  })
})

describe('zones with daylight saving', () => {
  const NY = 'America/New_York'
  it('reads wall times on both sides of a change', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
    expect(new Date(parsePlatformTime('2026-03-08 01:30:00', NY)!).toISOString()).toBe(
      '2026-03-08T06:30:00.000Z',
    )
    expect(new Date(parsePlatformTime('2026-03-08 03:30:00', NY)!).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    )
    expect(new Date(parsePlatformTime('2026-07-01 12:00:00', NY)!).toISOString()).toBe(
      '2026-07-01T16:00:00.000Z',
    )
    expect(new Date(parsePlatformTime('2026-12-01 12:00:00', NY)!).toISOString()).toBe(
      '2026-12-01T17:00:00.000Z',
    )
  })
  it('formats in the zone it is given', () => {
    expect(formatQueryTime(Date.UTC(2026, 6, 1, 16, 0, 0), NY)).toBe('2026-07-01 12:00:00')
    expect(formatQueryTime(Date.UTC(2026, 11, 1, 17, 0, 0), NY)).toBe('2026-12-01 12:00:00')
  })
})
