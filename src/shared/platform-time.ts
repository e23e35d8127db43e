import { tzOffset } from '@date-fns/tz'

/** Zone of platform times that carry no offset (China). */
export const DEFAULT_PLATFORM_TZ = 'Asia/Shanghai'

// `2018.06.12 11:33:56.368` (events), `2018-12-01 00:00:00` (CDR queries), `2018/06/12 …`,
// and ISO 8601 `2018-06-12T11:33:56.368`, each optionally with milliseconds and, for ISO
// only, a zone (`Z`, `+08:00`, `+0800`).
const LOCAL_TIME =
  /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/

const EPOCH_MS_MIN = 946_684_800_000 // 2000-01-01: anything smaller is taken as seconds

// A zone's offset is looked up once per quarter hour of time and kept: every webhook carries
// platform times, and asking Intl for each would cost more than the rest of the parse.
const OFFSET_BUCKET_MS = 15 * 60 * 1000
const OFFSETS_KEPT = 20_000
const offsets = new Map<string, number>()

/** Offset of `timeZone` from UTC at the instant `epochMs`, in minutes (480 for China). */
export function zoneOffsetAt(timeZone: string, epochMs: number): number {
  const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS)
  const key = `${timeZone}|${bucket}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(bucket * OFFSET_BUCKET_MS))
    if (offsets.size >= OFFSETS_KEPT) offsets.clear()
    offsets.set(key, offset)
  }
  return offset
}

/** Epoch ms of a wall-clock time in `timeZone` (month 1–12). */
export function localToEpoch(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  // Guess with the offset at that wall time read as UTC, then correct once: right on both
  // sides of a daylight-saving change.
  const guess = asUtc - zoneOffsetAt(timeZone, asUtc) * 60_000
  return asUtc - zoneOffsetAt(timeZone, guess) * 60_000
}

/** The wall-clock fields of an instant in `timeZone`. */
export function epochToLocal(timeZone: string, epochMs: number) {
  const t = new Date(epochMs + zoneOffsetAt(timeZone, epochMs) * 60_000)
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Parses a platform time into epoch milliseconds, or null when it is not one.
 * Accepts every format the platform's documents show, plus epoch seconds or milliseconds
 * (as a number or a string of digits). Times without a zone are read in `timeZone`.
 */
export function parsePlatformTime(value: unknown, timeZone: string): number | null {
  if (typeof value === 'number') return fromEpoch(value)
  if (typeof value !== 'string') return null
  // An agent event usually carries the same time twice (`timestamp`, `stateChangeTime`): the
  // last text read is kept with what it came to.
  if (value === last.text && timeZone === last.timeZone) return last.epoch
  const epoch = parseText(value, timeZone)
  last = { text: value, timeZone, epoch }
  return epoch
}

let last: { text: string; timeZone: string; epoch: number | null } = {
  text: '',
  timeZone: '',
  epoch: null,
}

function parseText(value: string, timeZone: string): number | null {
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
  // Refuse impossible times rather than let them roll over (31 February is not 3 March).
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null
  }
  if (!zone) return localToEpoch(timeZone, year, month, day, hour, minute, second, ms)
  const offsetMin = zone === 'Z' ? 0 : zoneOffsetMinutes(zone)
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000
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
  const t = epochToLocal(timeZone, epochMs)
  return `${t.year}.${pad(t.month)}.${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.ms, 3)}`
}

/** `2018-12-01 00:00:00`: how the platform's CDR queries write times. */
export function formatQueryTime(epochMs: number, timeZone: string): string {
  const t = epochToLocal(timeZone, epochMs)
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`
}

/** `2018-12-01`: the platform-local calendar day of an instant. */
export function platformDay(epochMs: number, timeZone: string): string {
  return formatQueryTime(epochMs, timeZone).slice(0, 10)
}

/** Epoch ms of the platform-local midnight that starts the day of `epochMs`. */
export function startOfPlatformDay(epochMs: number, timeZone: string): number {
  const t = epochToLocal(timeZone, epochMs)
  return localToEpoch(timeZone, t.year, t.month, t.day)
}
