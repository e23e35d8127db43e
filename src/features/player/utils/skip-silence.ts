import type { Span } from '@/shared/recording-analysis'

// Within this much of a silence's end (s), playback is left alone: the jump would land where it
// already is, and a seek the browser rounds down must not jump again.
const NEAR_END_S = 0.25

/** Where playback at `time` goes when silences are skipped: the end of the one it is in, or null. */
export function skipTarget(silences: readonly Span[], time: number): number | null {
  for (const s of silences) {
    if (time < s.start) return null // sorted: no later one holds `time`
    if (time < s.end - NEAR_END_S) return s.end
  }
  return null
}
