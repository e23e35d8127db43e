import { DEFAULT_PLATFORM_TZ, epochToLocal } from '@/shared/platform-time'

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** A duration as `mm:ss`, or `h:mm:ss` from one hour on; negative durations show as `00:00`. */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  return hours > 0
    ? `${hours}:${pad2(minutes)}:${pad2(seconds)}`
    : `${pad2(minutes)}:${pad2(seconds)}`
}

/**
 * A duration no wider than `mm:ss`, for a wall tile read across a room: `mm:ss` under an hour,
 * then hours and minutes as `3h01` (seconds no longer matter, and `3:01:35` would squeeze the
 * agent's name out of a small tile).
 */
export function formatElapsedShort(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0
  if (total < 3600) return formatElapsed(ms)
  return `${Math.floor(total / 3600)}h${pad2(Math.floor((total % 3600) / 60))}`
}

/** Seconds (as the figures give them) as `mm:ss` / `h:mm:ss`, or an em dash when unknown. */
export function formatSeconds(sec: number | null | undefined): string {
  return sec === null || sec === undefined || !Number.isFinite(sec)
    ? '—'
    : formatElapsed(Math.round(sec) * 1000)
}

/** A 0..1 ratio as a whole percentage, or an em dash before the first call. */
export function formatPercent(ratio: number | null | undefined, locale: string): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—'
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio)
}

/**
 * The platform's wall-clock time of an instant, `HH:mm:ss`: a supervisor abroad (or a browser
 * set to UTC) reads the same times as the platform's records and the agents on the floor.
 */
export function formatClock(epochMs: number, timeZone: string = DEFAULT_PLATFORM_TZ): string {
  const t = epochToLocal(timeZone, epochMs)
  return `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`
}

/** The platform's wall-clock time of an instant to the minute, `HH:mm`. */
export function formatHourMinute(epochMs: number, timeZone: string = DEFAULT_PLATFORM_TZ): string {
  const t = epochToLocal(timeZone, epochMs)
  return `${pad2(t.hour)}:${pad2(t.minute)}`
}

export type AgoUnit = 'justNow' | 'secondsAgo' | 'minutesAgo' | 'hoursAgo' | 'daysAgo'

/** How long ago, as a unit and a count, for a translated "… ago". */
export function agoParts(ms: number): { unit: AgoUnit; count: number } {
  const sec = Math.max(0, Math.floor(ms / 1000))
  if (sec < 5) return { unit: 'justNow', count: 0 }
  if (sec < 60) return { unit: 'secondsAgo', count: sec }
  if (sec < 3600) return { unit: 'minutesAgo', count: Math.floor(sec / 60) }
  if (sec < 86_400) return { unit: 'hoursAgo', count: Math.floor(sec / 3600) }
  return { unit: 'daysAgo', count: Math.floor(sec / 86_400) }
}

/** The part of an id before `@`: `5001@test.cc` → `5001`. */
export function localPart(id: string): string {
  const at = id.indexOf('@')
  return at > 0 ? id.slice(0, at) : id
}

/** A long call id cut to its first 8 characters, e.g. `a8307aa5…`. */
export function shortCallId(callId: string): string {
  return callId.length > 10 ? `${callId.slice(0, 8)}…` : callId
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/** Date and time of an instant in platform time, e.g. `2025/01/06 10:00` (zh-CN). */
export function formatDateTime(
  epochMs: number,
  locale: string,
  timeZone: string = DEFAULT_PLATFORM_TZ,
): string {
  const key = `${locale}|${timeZone}`
  let format = dateTimeFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    })
    dateTimeFormats.set(key, format)
  }
  return format.format(epochMs)
}
