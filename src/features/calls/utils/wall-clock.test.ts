import { afterEach, describe, expect, it } from 'vitest'
import { fromWallClock, toWallClock } from './wall-clock'

const saved = process.env.TZ
afterEach(() => {
  process.env.TZ = saved
})

describe('picker values', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'UTC'])(
    'show and give back the platform’s reading in %s',
    (tz) => {
      process.env.TZ = tz
      const date = toWallClock('2025-01-06 09:30:15')
      expect(date?.getHours()).toBe(9)
      expect(date?.getDate()).toBe(6)
      expect(fromWallClock(date)).toBe('2025-01-06 09:30:15')
    },
  )

  it('refuse what is not a whole time', () => {
    expect(toWallClock('2025-01-06')).toBeNull()
    expect(toWallClock('')).toBeNull()
    expect(fromWallClock(null)).toBe('')
    expect(fromWallClock(new Date(Number.NaN))).toBe('')
  })
})
