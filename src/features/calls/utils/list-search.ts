import { DEFAULT_PLATFORM_TZ, formatQueryTime, startOfPlatformDay } from '@/shared/platform-time'

/** Page sizes offered; the platform serves at most 100 a page. */
export const PAGE_SIZES = [10, 20, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]
const DEFAULT_PAGE_SIZE: PageSize = 20

export type ListTab = 'calls' | 'robot'
export type Order = 'newest' | 'oldest'
/** Which half of a range the platform would not query whole (14015); null: the whole range. */
export type Half = 1 | 2 | null

/** The text filters, as the form shows them and the URL holds them. */
export const TEXT_FILTERS = [
  'ani',
  'dnis',
  'agent',
  'skill',
  'campaignId',
  'resultCode',
  'batchName',
  'batchId',
  'rosterId',
  'uuiKey',
  'uuiValue',
] as const
export type TextFilter = (typeof TEXT_FILTERS)[number]

/**
 * Everything the call-records page shows, as its URL holds it: a view can be bookmarked, shared,
 * and walked through with back and forward. Times are platform time, `yyyy-MM-dd HH:mm:ss`.
 */
export interface ListSearch extends Record<TextFilter, string> {
  tab: ListTab
  /** Empty when the URL has none (the page then fills in today). */
  from: string
  to: string
  order: Order
  /** From 1. */
  page: number
  size: PageSize
  half: Half
}

function pageSize(text: string | null): PageSize {
  const n = Number(text)
  return (PAGE_SIZES as readonly number[]).includes(n) ? (n as PageSize) : DEFAULT_PAGE_SIZE
}

function pageNumber(text: string | null): number {
  const n = Number(text)
  return Number.isInteger(n) && n >= 1 ? n : 1
}

/** Reads the page's URL; anything missing or malformed takes its default. */
export function parseListSearch(params: URLSearchParams): ListSearch {
  const text = (key: string) => (params.get(key) ?? '').trim()
  const half = params.get('half')
  return {
    tab: params.get('tab') === 'robot' ? 'robot' : 'calls',
    from: text('from'),
    to: text('to'),
    order: params.get('order') === 'oldest' ? 'oldest' : 'newest',
    page: pageNumber(params.get('page')),
    size: pageSize(params.get('size')),
    half: half === '1' ? 1 : half === '2' ? 2 : null,
    ...(Object.fromEntries(TEXT_FILTERS.map((k) => [k, text(k)])) as Record<TextFilter, string>),
  }
}

/** The URL of a view: range, order, page and size always; filters and the rest when set. */
export function listSearchParams(search: ListSearch): URLSearchParams {
  const params = new URLSearchParams()
  if (search.tab === 'robot') params.set('tab', 'robot')
  params.set('from', search.from)
  params.set('to', search.to)
  for (const key of TEXT_FILTERS) if (search[key] !== '') params.set(key, search[key])
  params.set('order', search.order)
  params.set('page', String(search.page))
  params.set('size', String(search.size))
  if (search.half !== null) params.set('half', String(search.half))
  return params
}

/** Today from 00:00:00 to now, in platform time, whatever the browser's zone. */
export function defaultRange(
  now: number,
  timeZone: string = DEFAULT_PLATFORM_TZ,
): { from: string; to: string } {
  return {
    from: formatQueryTime(startOfPlatformDay(now, timeZone), timeZone),
    to: formatQueryTime(now, timeZone),
  }
}

/** The relay's `GET /api/calls` parameters of a view (checked by `callsQuerySchema`). */
export function callsQueryInput(search: ListSearch, range = { from: search.from, to: search.to }) {
  return {
    beginTime: range.from,
    endTime: range.to,
    ani: search.ani,
    dnis: search.dnis,
    agent: search.agent,
    skill: search.skill,
    isOrder: search.order === 'oldest' ? 1 : 0,
    p: search.page,
    s: search.size,
  }
}

/** The relay's `GET /api/robot-calls` parameters of a view (checked by `robotCallsQuerySchema`). */
export function robotQueryInput(search: ListSearch, range = { from: search.from, to: search.to }) {
  const { agent: _agent, skill: _skill, ...common } = callsQueryInput(search, range)
  return {
    ...common,
    campaignId: search.campaignId,
    // Empty means "any"; the schema coerces what is left.
    resultCode: search.resultCode === '' ? undefined : search.resultCode,
    batchName: search.batchName,
    batchId: search.batchId,
    rosterId: search.rosterId,
    uuiKey: search.uuiKey,
    uuiValue: search.uuiValue,
  }
}

/** A checked query as the relay's query string: empty and undefined parameters are left out. */
export function toQueryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  return params.toString()
}
