import { formatSeconds } from '@/lib/format'
import { DEFAULT_PLATFORM_TZ, formatQueryTime, parsePlatformTime } from '@/shared/platform-time'

/** How a field's value reads: as it is, a platform time, a length in seconds, a yes/no flag. */
export type ValueKind = 'text' | 'time' | 'duration' | 'flag'

export const EMPTY = '—'

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
}

/** A platform time as `yyyy-MM-dd HH:mm:ss` in platform time, whatever form it came in. */
export function formatPlatformTime(value: unknown, timeZone = DEFAULT_PLATFORM_TZ): string {
  if (isBlank(value)) return EMPTY
  const ms = parsePlatformTime(value, timeZone)
  return ms === null ? textOf(value) : formatQueryTime(ms, timeZone)
}

/** Seconds (a number, or a number as text; the platform sends both) as a number, or null. */
export function secondsOf(value: unknown): number | null {
  if (isBlank(value)) return null
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) && n >= 0 ? n : null
}

/** Seconds as `mm:ss` (`h:mm:ss` from an hour on). */
export function formatDuration(value: unknown): string {
  const sec = secondsOf(value)
  return sec === null ? (isBlank(value) ? EMPTY : textOf(value)) : formatSeconds(sec)
}

/** 1/0, true/false, "1"/"0" as a flag; null when it is none of them. */
export function flagOf(value: unknown): boolean | null {
  if (value === true || value === 1 || value === '1' || value === 'true') return true
  if (value === false || value === 0 || value === '0' || value === 'false') return false
  return null
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/** A value for reading, in the page's words for yes and no. */
export function formatValue(
  value: unknown,
  kind: ValueKind,
  words: { yes: string; no: string },
): string {
  switch (kind) {
    case 'time':
      return formatPlatformTime(value)
    case 'duration':
      return formatDuration(value)
    case 'flag': {
      const flag = flagOf(value)
      return flag === null ? (isBlank(value) ? EMPTY : textOf(value)) : flag ? words.yes : words.no
    }
    case 'text':
      return isBlank(value) ? EMPTY : textOf(value)
  }
}
