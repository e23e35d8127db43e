import type { TFunction } from 'i18next'
import { STATE_FAMILIES, type StateFamily } from '@/shared/ac-state'
import type { TimelineSegment } from '@/shared/timeline'

export interface FamilyTotal {
  family: StateFamily
  count: number
  seconds: number
  /** Share of the time shown, 0..1. */
  share: number
}

/**
 * Times in and seconds spent per family, in family order, for the families the agent was in.
 * Counted from the strip as drawn (with its live edge), the way the relay counts its totals,
 * so the table and the strip agree between two fetches.
 */
export function familyTotals(segments: readonly TimelineSegment[]): FamilyTotal[] {
  const sums = new Map<StateFamily, { count: number; seconds: number }>()
  let all = 0
  for (const s of segments) {
    const seconds = Math.max(0, (s.to - s.from) / 1000)
    const sum = sums.get(s.family) ?? { count: 0, seconds: 0 }
    sum.count += 1
    sum.seconds += seconds
    sums.set(s.family, sum)
    all += seconds
  }
  return STATE_FAMILIES.flatMap((family) => {
    const sum = sums.get(family)
    return sum ? [{ family, ...sum, share: all > 0 ? sum.seconds / all : 0 }] : []
  })
}

/** Whole hours, minutes and seconds of a duration (seconds, rounded down). */
export function durationParts(seconds: number): { h: number; m: number; s: number } {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 }
}

/** "1 小时 5 分" / "4 min 12 s" / "9 s": a duration in words, to the two largest units. */
export function durationText(seconds: number, t: TFunction): string {
  const { h, m, s } = durationParts(seconds)
  if (h > 0) return t('timeline.duration.hours', { h, m })
  if (m > 0) return t('timeline.duration.minutes', { m, s })
  return t('timeline.duration.seconds', { s })
}
