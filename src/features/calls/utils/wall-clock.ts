import { QUERY_TIME } from '@/shared/cdr'

const pad = (n: number) => String(n).padStart(2, '0')

/*
 * The date pickers' date-fns adapter knows only the browser's zone, and the platform's times
 * are China time. So a picker holds the platform's wall-clock reading: a `Date` whose local
 * fields are the platform time's fields, whatever the browser's zone. It is never used as an
 * instant, only read back field by field. (A reading that falls in the browser zone's own
 * daylight-saving gap moves by that hour; China has none, and few supervisors work across one.)
 */

/** `2025-01-06 09:30:00` (platform time) as a picker value, or null when it is not one. */
export function toWallClock(text: string): Date | null {
  if (!QUERY_TIME.test(text)) return null
  const [y, mo, d, h, mi, s] = text.split(/[- :]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const date = new Date(y, mo - 1, d, h, mi, s)
  return Number.isNaN(date.getTime()) ? null : date
}

/** A picker value back as platform time text; empty for no date or an invalid one. */
export function fromWallClock(date: Date | null): string {
  if (!date || Number.isNaN(date.getTime())) return ''
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}
