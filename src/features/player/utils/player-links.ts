import type { RecordingFormat } from '@/shared/cdr'

/**
 * Where a recording streams from. Without `format` the relay serves the two-track WAV (which
 * keeps the lanes apart: agent, customer) while the platform keeps it, else the one-track MP3.
 */
export function audioUrl(recordingId: string, format?: RecordingFormat, download = false): string {
  const params = new URLSearchParams()
  if (format) params.set('format', format)
  if (download) params.set('download', '1')
  const query = params.size ? `?${params.toString()}` : ''
  return `/api/recordings/${encodeURIComponent(recordingId)}/audio${query}`
}

/** `/calls/<callId>?rec=<id>&t=<s>`: this call, this recording, this second; opening it seeks there. */
export function momentPath(callId: string, recordingId: string, seconds: number): string {
  const params = new URLSearchParams({
    rec: recordingId,
    t: String(Math.max(0, Math.floor(seconds))),
  })
  return `/calls/${encodeURIComponent(callId)}?${params.toString()}`
}

/** Playback speeds offered. */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const

/** Seconds a press of ← or → moves. */
export const SEEK_STEP_S = 5

/** Pixels per second of the zoom levels past "fit". */
export const MAX_PX_PER_SEC = 800

/** Zooms in from `current` (0 is "fit the width": `fit` px/s), doubling up to the most. */
export function zoomIn(current: number, fit: number): number {
  return Math.min(MAX_PX_PER_SEC, Math.max(current, fit) * 2)
}

/** Zooms out, halving; back to 0 ("fit") once it would be no wider than the view. */
export function zoomOut(current: number, fit: number): number {
  const next = current / 2
  return next <= fit ? 0 : next
}
