import { TZDate } from '@date-fns/tz'

/** Zone of platform times that carry no offset (China). */
export const DEFAULT_PLATFORM_TZ = 'Asia/Shanghai'

// `2018.06.12 11:33:56.368` (events), `2018-12-01 00:00:00` (CDR queries), `2018/06/12 …`,
// and ISO 8601 `2018-06-12T11:33:56.368`, each optionally with milliseconds and, for ISO
// only, a zone (`Z`, `+08:00`, `+0800`).
const LOCAL_TIME =
  /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/

const EPOCH_MS_MIN = 946_684_800_000 // 2000-01-01: anything smaller is taken as seconds

/**
 * Parses a platform time into epoch milliseconds, or null when it is not one.
 * Accepts every format the platform's documents show, plus epoch seconds or milliseconds
 * (as a number or a string of digits). Times without a zone are read in `timeZone`.
 */
export function parsePlatformTime(value: unknown, timeZone: string): number | null {
  if (typeof value === 'number') return fromEpoch(value)
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (/^\d{9,13}$/.test(text)) return fromEpoch(Number(text))
  const m = LOCAL_TIME.exec(text)
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  const ms = Math.floor(Number(`0.${frac}`) * 1000)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return null
  }
  let epoch: number
  if (zone) {
    const offsetMin = zone === 'Z' ? 0 : zoneOffsetMinutes(zone)
    epoch = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000
  } else {
    epoch = new TZDate(year, month - 1, day, hour, minute, second, ms, timeZone).getTime()
  }
  // Reject dates that rolled over (31 February becomes 3 March).
  const check = zone ? new Date(Date.UTC(year, month - 1, day)) : new TZDate(epoch, timeZone)
  const [checkDay, checkMonth] = zone
    ? [check.getUTCDate(), check.getUTCMonth()]
    : [check.getDate(), check.getMonth()]
  if (checkDay !== day || checkMonth !== month - 1) return null
  return Number.isFinite(epoch) ? epoch : null
}

function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null
  return n < EPOCH_MS_MIN ? Math.round(n * 1000) : Math.round(n)
}

function zoneOffsetMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** `2018.06.12 11:33:56.368`: how the platform writes event times. */
export function formatEventTime(epochMs: number, timeZone: string): string {
  const t = new TZDate(epochMs, timeZone)
  return (
    `${t.getFullYear()}.${pad(t.getMonth() + 1)}.${pad(t.getDate())} ` +
    `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}.${pad(t.getMilliseconds(), 3)}`
  )
}

/** `2018-12-01 00:00:00`: how the platform's CDR queries write times. */
export function formatQueryTime(epochMs: number, timeZone: string): string {
  const t = new TZDate(epochMs, timeZone)
  return (
    `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ` +
    `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`
  )
}

/** `2018-12-01`: the platform-local calendar day of an instant. */
export function platformDay(epochMs: number, timeZone: string): string {
  return formatQueryTime(epochMs, timeZone).slice(0, 10)
}

/** Epoch ms of the platform-local midnight that starts the day of `epochMs`. */
export function startOfPlatformDay(epochMs: number, timeZone: string): number {
  const t = new TZDate(epochMs, timeZone)
  return new TZDate(t.getFullYear(), t.getMonth(), t.getDate(), timeZone).getTime()
}
