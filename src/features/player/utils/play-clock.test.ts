import { describe, expect, it } from 'vitest'
import { formatElapsed, formatSeconds } from '@/lib/format'
import { playClock } from './play-clock'

const shown = (time: number, duration: number, platform: number | null) => {
  const { elapsed, total } = playClock(time, duration, platform)
  return `${formatElapsed(elapsed * 1000)} / ${formatElapsed(total * 1000)}`
}

describe('playClock', () => {
  it('gives the total the call page gives for the same call', () => {
    // A 59.6 s call: the call page reads 01:00; so does the player, WAV or padded MP3.
    expect(formatSeconds(59.6)).toBe('01:00')
    expect(shown(0, 59.6, 59.6)).toBe('00:00 / 01:00')
    expect(shown(0, 59.8, 59.6)).toBe('00:00 / 01:00')
    expect(shown(0, 60.192, 60)).toBe('00:00 / 01:00')
    expect(shown(0, 61.4, 61.4)).toBe('00:00 / 01:01')
  })

  it('falls back to the decoded length when the platform gives none', () => {
    expect(shown(0, 59.6, null)).toBe('00:00 / 01:00')
    expect(shown(0, 12.2, 0)).toBe('00:00 / 00:12')
  })

  it('counts whole seconds played and reads the total at the end', () => {
    expect(shown(30.9, 59.6, 59.6)).toBe('00:30 / 01:00')
    expect(shown(59.5, 59.6, 59.6)).toBe('00:59 / 01:00')
    expect(shown(59.6, 59.6, 59.6)).toBe('01:00 / 01:00')
    // Never past the total, even where the audio runs longer than the platform says.
    expect(shown(60.1, 60.192, 60)).toBe('01:00 / 01:00')
    expect(shown(-1, 10, 10)).toBe('00:00 / 00:10')
  })
})
