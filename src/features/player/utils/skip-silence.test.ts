import { describe, expect, it } from 'vitest'
import { skipTarget } from './skip-silence'

const SILENCES = [
  { start: 8, end: 14.2 },
  { start: 30, end: 41 },
]

describe('skipping silences', () => {
  it('jumps from inside a silence to its end, and leaves speech alone', () => {
    expect(skipTarget(SILENCES, 7.9)).toBeNull()
    expect(skipTarget(SILENCES, 8)).toBe(14.2)
    expect(skipTarget(SILENCES, 12)).toBe(14.2)
    expect(skipTarget(SILENCES, 20)).toBeNull()
    expect(skipTarget(SILENCES, 30.05)).toBe(41)
  })

  it('does not jump again when playback is already at the end of the silence', () => {
    expect(skipTarget(SILENCES, 14.1)).toBeNull()
    expect(skipTarget(SILENCES, 41)).toBeNull()
  })
})
