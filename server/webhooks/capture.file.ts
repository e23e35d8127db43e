import { z } from 'zod'
import { epochToLocal, zoneOffsetAt } from '@/shared/platform-time'
import type { StoredCapture } from './capture.repo'

/**
 * One line of `npm run webhooks -- export`: a captured webhook as JSON. The body stays text,
 * exactly as the platform sent it (read as JSON it could lose digits of a long serial).
 */
export const captureLineSchema = z.object({
  id: z.number(),
  /** Arrival time in platform time, ISO 8601 with the zone's offset. */
  receivedAt: z.string(),
  receivedAtMs: z.number(),
  namespace: z.string(),
  /** What the relay answered. */
  status: z.number(),
  bytes: z.number().nullable(),
  /** False when the body was too large to read: the line is a trace without it. */
  bodyKept: z.boolean(),
  body: z.string(),
})
export type CaptureLine = z.output<typeof captureLineSchema>

export function lineOf(c: StoredCapture, timeZone: string): CaptureLine {
  return {
    id: c.id,
    receivedAt: isoInZone(c.receivedAt, timeZone),
    receivedAtMs: c.receivedAt,
    namespace: c.namespace,
    status: c.status,
    bytes: c.bytes,
    bodyKept: c.bodyKept,
    body: c.body,
  }
}

/** `2026-11-21T10:00:00.000+08:00`: an instant as the platform's clocks read it. */
export function isoInZone(epochMs: number, timeZone: string): string {
  const t = epochToLocal(timeZone, epochMs)
  const offset = zoneOffsetAt(timeZone, epochMs)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return (
    `${t.year}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${p(t.ms, 3)}` +
    `${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)}`
  )
}

/** The lines of an export file, checked; throws naming the first wrong line. */
export function parseCaptureFile(text: string): CaptureLine[] {
  const lines: CaptureLine[] = []
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new Error(`line ${index + 1}: not JSON`)
    }
    const parsed = captureLineSchema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`line ${index + 1}: ${issue?.path.join('.') || '(line)'}: ${issue?.message}`)
    }
    lines.push(parsed.data)
  }
  return lines
}

/** What a replay did: answers by status, and what it could not send. */
export interface ReplayReport {
  posted: number
  /** Lines without a body (too large to read when captured). */
  skipped: number
  byStatus: Map<number, number>
  /** Why the replay stopped early (the target could not be reached), or null. */
  stoppedBy: string | null
}

// A relay answers a webhook in milliseconds; one that does not within this is down. ms.
const POST_TIMEOUT_MS = 10_000

/**
 * Posts each kept body to `url`, one at a time, in the file's order (the order the first
 * relay took them in), as the platform would: the raw text, `Content-Type: application/json`.
 * A network failure stops the replay (what follows would be out of order); an answer of any
 * status is counted and the next line sent.
 */
export async function replayLines(
  lines: readonly CaptureLine[],
  url: string,
  onProgress: (done: number) => void = () => {},
): Promise<ReplayReport> {
  const report: ReplayReport = { posted: 0, skipped: 0, byStatus: new Map(), stoppedBy: null }
  for (const line of lines) {
    if (!line.bodyKept) {
      report.skipped += 1
      continue
    }
    let status: number
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: line.body,
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      })
      await res.arrayBuffer()
      status = res.status
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err
      report.stoppedBy = `line of id ${line.id}: ${cause instanceof Error ? cause.message : String(cause)}`
      return report
    }
    report.posted += 1
    report.byStatus.set(status, (report.byStatus.get(status) ?? 0) + 1)
    onProgress(report.posted)
  }
  return report
}
