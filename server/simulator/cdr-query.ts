import { TZDate } from '@date-fns/tz'
import { z } from 'zod'
import { formatQueryTime, parsePlatformTime } from '../../src/shared/platform-time'
import { type PlatformError, fail } from './platform-http'

const DAY_MS = 86_400_000
const MAX_PAGE_SIZE = 100 // seed 003 §4.5.1: s ≤ 100

/** The instanceId the CDR gateway names in its errors (seed §4.5.4 shows `query-xyzws`). */
export const CDR_INSTANCE_ID = 'query-sim01'

const QUERY_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
const digits = z.string().regex(/^\d+$/, 'expected a whole number')

function queryTime(timeZone: string) {
  return z
    .string()
    .regex(QUERY_TIME, 'expected yyyy-MM-dd HH:mm:ss')
    .transform((v, ctx) => {
      const epoch = parsePlatformTime(v, timeZone)
      if (epoch === null) {
        ctx.addIssue({ code: 'custom', message: 'not a date' })
        return z.NEVER
      }
      return epoch
    })
}

/**
 * The parameters §4.5 and §4.6 share: the range (`yyyy-MM-dd HH:mm:ss`, platform time,
 * both ends inclusive to the second), `isOrder` (1 ascending, 0 descending; required as the
 * seed marks it), `p` from 1 (default 1), `s` at most 100 (default 10) and the `domain`.
 */
export function pagedQueryFields(timeZone: string) {
  return {
    beginTime: queryTime(timeZone),
    endTime: queryTime(timeZone),
    isOrder: z.enum(['0', '1']).transform((v) => v === '1'),
    p: digits
      .default('1')
      .transform(Number)
      .refine((n) => n >= 1, 'pages count from 1'),
    s: digits
      .default('10')
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, `expected 1 to ${MAX_PAGE_SIZE}`),
    domain: z.string().min(1),
  }
}

/** The CDR gateway's limits, which the seed names but does not size (see SimVariants). */
export interface CdrLimits {
  /** 14001 beyond this many days; null: no limit. */
  maxSpanDays: number | null
  databases: 'month' | 'none'
  splitMessage: 'named' | 'plain'
}

/** Seed 003 §4.5.4's own example of a 14001 answer, word for word. */
const SPAN_MESSAGE = '没有权限'
/** Seed 003 §4.5.5: the description of 14015, and its remedy with the time filled in. */
const SPLIT_MESSAGE = '不得跨库查询，必须分成两部分查询'
const splitAt = (time: string) => `${SPLIT_MESSAGE}，请以 ${time} 时间点分为两次查询`

/**
 * The platform's checks of a query range and tenant, in its order: 14004 begin after end,
 * 14001 a range longer than `--cdr-max-span-days` (no limit unless set: the seed states
 * none), 14015 a range across two of the CDR databases (with `--cdr-databases month`, one per
 * platform-local month), its message naming the first second of the later one unless
 * `--cdr-split-message plain`. A domain other than the tenant's is 401: the token's tenant
 * has no right to it.
 */
export function checkQueryScope(
  q: { beginTime: number; endTime: number; domain: string },
  namespace: string,
  timeZone: string,
  limits: CdrLimits,
): PlatformError | null {
  if (q.domain !== namespace) {
    return fail(401, 401, `no permission for domain ${q.domain}`)
  }
  if (q.beginTime > q.endTime) return fail(400, 14004, '开始时间不得大于结束时间')
  if (limits.maxSpanDays !== null && q.endTime - q.beginTime > limits.maxSpanDays * DAY_MS)
    return fail(400, 14001, SPAN_MESSAGE)
  if (limits.databases === 'none') return null
  const begin = new TZDate(q.beginTime, timeZone)
  const end = new TZDate(q.endTime, timeZone)
  if (begin.getFullYear() !== end.getFullYear() || begin.getMonth() !== end.getMonth()) {
    const split = new TZDate(end.getFullYear(), end.getMonth(), 1, timeZone).getTime()
    const message =
      limits.splitMessage === 'named' ? splitAt(formatQueryTime(split, timeZone)) : SPLIT_MESSAGE
    return fail(400, 14015, message)
  }
  return null
}

/** The end of a range, exclusive: `endTime` names a whole second. */
export const rangeEndExclusive = (endTime: number): number => endTime + 1000

/** One page of `items`; `total` only on page 1 (§4.5.3), and only when counted. */
export function page<T>(
  items: readonly T[],
  p: number,
  s: number,
  count = true,
): { total?: number; list: T[] } {
  const list = items.slice((p - 1) * s, p * s)
  return p === 1 && count ? { total: items.length, list } : { list }
}

/** ani / dnis as the platform matches them: exactly, or a bare number against `number@domain`. */
export function numberMatches(actual: string, wanted: string | undefined): boolean {
  if (wanted === undefined) return true
  if (actual === wanted) return true
  return !wanted.includes('@') && actual.split('@')[0] === wanted
}
