import { zoneOffsetAt } from '@/shared/platform-time'
import type { TimelineSegment } from '@/shared/timeline'

const MINUTE_MS = 60_000

/** Tick steps the axis may use, minutes: the smallest giving at most `MAX_TICKS` ticks wins. */
const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360] as const
const MAX_TICKS = 6

/** A segment narrower than this (px) is drawn this wide, so a ring of two seconds stays visible. */
export const MIN_SEGMENT_PX = 3

/** The span the strip draws, epoch ms; `to` is the live edge (now). */
export interface StripRange {
  from: number
  to: number
  /** Minutes between axis ticks. */
  stepMin: number
}

/** A segment where the strip draws it, in percent of the strip's width. */
export interface StripItem {
  segment: TimelineSegment
  /** Position in the segment list (stable key, keyboard order). */
  index: number
  left: number
  width: number
  /** Drawn wider than its time, to stay visible. */
  tiny: boolean
}

/** Start of the `stepMin` slot holding `epochMs`, counted in the zone's wall-clock time. */
function floorToStep(epochMs: number, stepMin: number, timeZone: string): number {
  const offset = zoneOffsetAt(timeZone, epochMs) * MINUTE_MS
  const step = stepMin * MINUTE_MS
  return Math.floor((epochMs + offset) / step) * step - offset
}

function stepFor(spanMs: number): number {
  const step = STEPS_MIN.find((s) => spanMs / (s * MINUTE_MS) <= MAX_TICKS)
  return step ?? STEPS_MIN[STEPS_MIN.length - 1]!
}

/**
 * What the strip spans: from the first segment (back to a round tick in platform time) to the
 * live edge. A day that began at 08:57 starts at 08:30 or 08:00, not at midnight, so the hours
 * before the shift do not squeeze the day into the right-hand corner.
 */
export function stripRange(
  segments: readonly TimelineSegment[],
  liveTo: number,
  timeZone: string,
): StripRange | null {
  const first = segments[0]
  if (!first || liveTo <= first.from) return null
  let stepMin = stepFor(liveTo - first.from)
  let from = floorToStep(first.from, stepMin, timeZone)
  // Going back to the round tick may have made the span too long for the step.
  const wider = stepFor(liveTo - from)
  if (wider !== stepMin) {
    stepMin = wider
    from = floorToStep(first.from, stepMin, timeZone)
  }
  return { from, to: liveTo, stepMin }
}

/** Instants of the axis ticks inside the range (the first is its start). */
export function axisTicks(range: StripRange): number[] {
  const ticks: number[] = []
  const step = range.stepMin * MINUTE_MS
  for (let t = range.from; t <= range.to; t += step) ticks.push(t)
  return ticks
}

/**
 * Where each segment goes on a strip `widthPx` wide: clipped to the range (segments wholly
 * outside are left out), in percent, and at least `MIN_SEGMENT_PX` wide. A widened segment
 * keeps its start unless that would push it past the right edge.
 */
export function layoutStrip(
  segments: readonly TimelineSegment[],
  range: Pick<StripRange, 'from' | 'to'>,
  widthPx: number,
): StripItem[] {
  const span = range.to - range.from
  if (span <= 0) return []
  const minWidth = widthPx > 0 ? (MIN_SEGMENT_PX / widthPx) * 100 : 0
  const items: StripItem[] = []
  segments.forEach((segment, index) => {
    const start = Math.max(segment.from, range.from)
    const end = Math.min(segment.to, range.to)
    if (end <= start) return
    let left = ((start - range.from) / span) * 100
    let width = ((end - start) / span) * 100
    const tiny = width < minWidth
    if (tiny) {
      width = Math.min(minWidth, 100)
      left = Math.min(left, 100 - width)
    }
    items.push({ segment, index, left, width, tiny })
  })
  return items
}
