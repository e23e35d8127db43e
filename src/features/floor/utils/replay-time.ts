import { formatClock } from '@/lib/format'
import { DEFAULT_PLATFORM_TZ, epochToLocal, localToEpoch } from '@/shared/platform-time'

const pad = (n: number) => String(n).padStart(2, '0')

/*
 * The date pickers' adapter knows only the browser's zone, and the platform's times are China
 * time. So the picker holds the platform's wall-clock reading: a `Date` whose local fields are
 * the platform time's fields, never used as an instant (as the call records' pickers do).
 */

/** An instant as a picker value: its platform wall-clock fields in a local `Date`. */
export function toPickerValue(epochMs: number, timeZone = DEFAULT_PLATFORM_TZ): Date {
  const t = epochToLocal(timeZone, epochMs)
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second)
}

/** A picker value back as an instant; null for no date or an invalid one. */
export function fromPickerValue(date: Date | null, timeZone = DEFAULT_PLATFORM_TZ): number | null {
  if (!date || Number.isNaN(date.getTime())) return null
  return localToEpoch(
    timeZone,
    date.getFullYear(),
    date.getMonth() + 1,
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
  )
}

/** The shown moment in platform time: `10:15:00` today, `2026-12-06 10:15:00` another day. */
export function formatMoment(epochMs: number, now: number, timeZone = DEFAULT_PLATFORM_TZ): string {
  const t = epochToLocal(timeZone, epochMs)
  const today = epochToLocal(timeZone, now)
  const clock = formatClock(epochMs, timeZone)
  if (t.year === today.year && t.month === today.month && t.day === today.day) return clock
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${clock}`
}
