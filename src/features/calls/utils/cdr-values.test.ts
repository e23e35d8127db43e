import { afterEach, describe, expect, it } from 'vitest'
import { flagOf, formatDuration, formatPlatformTime, formatValue, secondsOf } from './cdr-values'

const words = { yes: '是', no: '否' }
const saved = process.env.TZ
afterEach(() => {
  process.env.TZ = saved
})

describe('record values', () => {
  it('show times in platform time, whatever form they came in and wherever the browser is', () => {
    process.env.TZ = 'America/Los_Angeles'
    expect(formatPlatformTime('2025-01-06 10:00:00')).toBe('2025-01-06 10:00:00')
    expect(formatPlatformTime('2025.01.06 10:00:00.368')).toBe('2025-01-06 10:00:00')
    expect(formatPlatformTime('2025-01-06T02:00:00Z')).toBe('2025-01-06 10:00:00')
    expect(formatPlatformTime(Date.UTC(2025, 0, 6, 2))).toBe('2025-01-06 10:00:00')
    expect(formatPlatformTime(null)).toBe('—')
    expect(formatPlatformTime('')).toBe('—')
    expect(formatPlatformTime('soon')).toBe('soon')
  })

  it('show lengths in seconds as durations (numbers or text, as the platform sends them)', () => {
    expect(formatDuration(3.124)).toBe('00:03')
    expect(formatDuration('157.887')).toBe('02:38')
    expect(formatDuration(3725)).toBe('1:02:05')
    expect(formatDuration(null)).toBe('—')
    expect(formatDuration('n/a')).toBe('n/a')
    expect(secondsOf(-1)).toBeNull()
  })

  it('show flags as yes and no', () => {
    expect(formatValue(1, 'flag', words)).toBe('是')
    expect(formatValue('0', 'flag', words)).toBe('否')
    expect(formatValue(false, 'flag', words)).toBe('否')
    expect(formatValue(null, 'flag', words)).toBe('—')
    expect(flagOf('maybe')).toBeNull()
  })

  it('show text as it is, and nothing as a dash', () => {
    expect(formatValue('接通', 'text', words)).toBe('接通')
    expect(formatValue(0, 'text', words)).toBe('0')
    expect(formatValue('  ', 'text', words)).toBe('—')
    expect(formatValue({ a: 1 }, 'text', words)).toBe('{"a":1}')
  })
})
