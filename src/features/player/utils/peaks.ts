import type { RecordingPeaks } from '@/shared/cdr'

/**
 * The relay's integer peaks (0..scale per lane) as the 0..1 floats the waveform draws. A
 * value past the scale (it should not happen) is clipped, so one bad sample cannot flatten
 * the rest of the lane.
 */
export function scalePeaks(peaks: Pick<RecordingPeaks, 'channels' | 'scale'>): Float32Array[] {
  const scale = peaks.scale > 0 ? peaks.scale : 1
  return peaks.channels.map((lane) => {
    const out = new Float32Array(lane.length)
    for (let i = 0; i < lane.length; i++) {
      const v = (lane[i] ?? 0) / scale
      out[i] = v > 1 ? 1 : v < 0 ? 0 : v
    }
    return out
  })
}
