import type { z } from 'zod'
import {
  AUDIT_OPS,
  AUDIT_OUTCOMES,
  type AuditOp,
  type AuditOutcome,
  type auditQuerySchema,
} from '@/shared/actions'
import { parsePlatformTime, startOfPlatformDay } from '@/shared/platform-time'

export const PAGE_SIZES = [25, 50, 100] as const
const DEFAULT_PAGE_SIZE = 50

/** A query of `GET /api/audit` as the relay reads it (after coercion): typed, limit and offset set. */
export type AuditRequest = z.output<typeof auditQuerySchema>

/** What the audit page shows; kept in the URL, so a filtered log can be shared or reloaded. */
export interface AuditFilters {
  /** First platform-local day, `yyyy-MM-dd`, or null for no start. */
  from: string | null
  /** Last platform-local day (included), or null for no end. */
  to: string | null
  /** Exact user name. */
  user: string | null
  /** Part of an agent id. */
  agent: string | null
  op: AuditOp | null
  outcome: AuditOutcome | null
  /** Zero-based page. */
  page: number
  pageSize: number
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  from: null,
  to: null,
  user: null,
  agent: null,
  op: null,
  outcome: null,
  page: 0,
  pageSize: DEFAULT_PAGE_SIZE,
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

function day(value: string | null, timeZone: string): string | null {
  return value && DAY.test(value) && parsePlatformTime(value, timeZone) !== null ? value : null
}

function text(value: string | null): string | null {
  const v = value?.trim()
  return v ? v : null
}

function oneOf<T extends string>(value: string | null, options: readonly T[]): T | null {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : null
}

/** Reads the filters from the page's query string; anything malformed counts as not set. */
export function parseAuditFilters(params: URLSearchParams, timeZone: string): AuditFilters {
  const page = Number(params.get('page'))
  const size = Number(params.get('size'))
  return {
    from: day(params.get('from'), timeZone),
    to: day(params.get('to'), timeZone),
    user: text(params.get('user')),
    agent: text(params.get('agent')),
    op: oneOf(params.get('op'), AUDIT_OPS),
    outcome: oneOf(params.get('outcome'), AUDIT_OUTCOMES),
    // One-based in the URL, as people count pages.
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  }
}

/** The page's query string for the filters: defaults left out. */
export function auditFiltersParams(f: AuditFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (f.from) params.set('from', f.from)
  if (f.to) params.set('to', f.to)
  if (f.user) params.set('user', f.user)
  if (f.agent) params.set('agent', f.agent)
  if (f.op) params.set('op', f.op)
  if (f.outcome) params.set('outcome', f.outcome)
  if (f.page > 0) params.set('page', String(f.page + 1))
  if (f.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(f.pageSize))
  return params
}

/** True when anything narrows the log (paging does not). */
export function hasAuditFilters(f: AuditFilters): boolean {
  return !!(f.from || f.to || f.user || f.agent || f.op || f.outcome)
}

const HOURS_36_MS = 36 * 3_600_000 // past the next midnight, whatever the day's length

/**
 * The relay's query for the filters: days become epoch ms in platform time, `from` at the
 * start of its day, `to` (exclusive) at the start of the day after.
 */
export function auditQueryOf(f: AuditFilters, timeZone: string): AuditRequest {
  const from = f.from ? parsePlatformTime(f.from, timeZone) : null
  const toDay = f.to ? parsePlatformTime(f.to, timeZone) : null
  const q: AuditRequest = { limit: f.pageSize, offset: f.page * f.pageSize }
  if (from !== null) q.from = from
  if (toDay !== null) q.to = startOfPlatformDay(toDay + HOURS_36_MS, timeZone)
  if (f.user) q.username = f.user
  if (f.agent) q.agentId = f.agent
  if (f.op) q.op = f.op
  if (f.outcome) q.outcome = f.outcome
  return q
}

/** `from=…&to=…&username=…`: a query as `GET /api/audit` and `/api/audit.csv` read it. */
export function auditSearch(q: AuditRequest, options: { paging: boolean }): string {
  const params = new URLSearchParams()
  const keys = ['from', 'to', 'username', 'agentId', 'op', 'outcome'] as const
  for (const key of keys) {
    const value = q[key]
    if (value !== undefined) params.set(key, String(value))
  }
  if (options.paging) {
    params.set('limit', String(q.limit))
    params.set('offset', String(q.offset))
  }
  return params.toString()
}
