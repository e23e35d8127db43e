import type { QueueFigures } from '@/shared/floor'

export type Tone = 'ok' | 'amber' | 'red' | 'none'

/** How far below its target a queue's service level may fall before it turns red, percentage points. */
export const SL_AMBER_BAND_PCT = 10

/**
 * The service level against the queue's target: ok at or above it, amber within
 * SL_AMBER_BAND_PCT points below, red further down; none before the first call.
 */
export function serviceLevelTone(f: Pick<QueueFigures, 'serviceLevel' | 'slTargetPct'>): Tone {
  if (f.serviceLevel === null) return 'none'
  const pct = f.serviceLevel * 100
  if (pct >= f.slTargetPct) return 'ok'
  return pct >= f.slTargetPct - SL_AMBER_BAND_PCT ? 'amber' : 'red'
}

/** Average speed of answer against the service-level threshold: amber when slower. */
export function asaTone(f: Pick<QueueFigures, 'asaSec' | 'slThresholdSec'>): Tone {
  if (f.asaSec === null) return 'none'
  return f.asaSec <= f.slThresholdSec ? 'ok' : 'amber'
}

/** Abandoned calls as a share of those offered, 0..1, or null before the first. */
export function abandonRate(f: Pick<QueueFigures, 'abandoned' | 'offered'>): number | null {
  return f.offered > 0 ? f.abandoned / f.offered : null
}
