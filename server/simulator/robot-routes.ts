import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  CDR_INSTANCE_ID,
  type CdrLimits,
  checkQueryScope,
  numberMatches,
  page,
  pagedQueryFields,
  rangeEndExclusive,
} from './cdr-query'
import type { ExpiringKeys } from './expiring-keys'
import { badRequest, sendError } from './platform-http'
import type { RobotBatches } from './robot-batches'
import { type RobotCall, robotCallJson, robotCalls } from './robot-calls'
import { TOKEN_REJECTED, hasLiveToken } from './token-routes'

export interface RobotDeps {
  tokens: ExpiringKeys
  namespace: string
  timeZone: string
  /** 14001 and 14015 as the variant flags set them. */
  limits: CdrLimits
  /** Simulated now: robot calls still under way are not in the CDRs yet. */
  now: () => number
  /** Uploaded call lists, dialled beside the campaigns' own calls. */
  batches: RobotBatches
}

const text = z.string().min(1).optional()

/**
 * `GET /api/cdr/2.0/open/calls/robot` (seed 003 §4.6): the robot campaigns' CDRs, with the
 * range, paging and errors of §4.5. `campaignId` is required; `isOrder` defaults to 1
 * (ascending), `isDownload` (0 query, 1 a CSV file of every match) to 0 and `isCount`
 * (false: no `total`) to true.
 */
export function registerRobotRoutes(app: FastifyInstance, deps: RobotDeps): void {
  const { namespace, timeZone } = deps
  const robotQuery = z.object({
    ...pagedQueryFields(timeZone),
    // The seed marks isOrder required here too; we ask only for campaignId and the range.
    isOrder: z
      .enum(['0', '1'])
      .default('1')
      .transform((v) => v === '1'),
    campaignId: z.string().min(1),
    resultCode: z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).optional(),
    groupCampaignId: text,
    batchId: text,
    batchName: text,
    ani: text,
    dnis: text,
    rosterId: text,
    uuiKey: text,
    uuiValue: text,
    isDownload: z.enum(['0', '1']).default('0'),
    isCount: z.enum(['true', 'false']).default('true'),
  })
  type RobotQuery = z.output<typeof robotQuery>

  const matches = (c: RobotCall, q: RobotQuery): boolean =>
    (q.resultCode === undefined || c.resultCode === q.resultCode) &&
    (q.groupCampaignId === undefined || c.groupCampaignId === q.groupCampaignId) &&
    (q.batchId === undefined || c.batchId === q.batchId) &&
    (q.batchName === undefined || c.batchName === q.batchName) &&
    (q.rosterId === undefined || c.rosterId === q.rosterId) &&
    numberMatches(c.ani, q.ani) &&
    numberMatches(c.dnis, q.dnis) &&
    uuiMatches(c.uui, q.uuiKey, q.uuiValue)

  app.get('/api/cdr/2.0/open/calls/robot', (request, reply) => {
    if (!hasLiveToken(request, deps.tokens)) return sendError(reply, TOKEN_REJECTED)
    const query = robotQuery.safeParse(request.query)
    if (!query.success) return sendError(reply, badRequest(query.error), CDR_INSTANCE_ID)
    const q = query.data
    const refused = checkQueryScope(q, namespace, timeZone, deps.limits)
    if (refused) return sendError(reply, refused, CDR_INSTANCE_ID)
    const end = rangeEndExclusive(q.endTime)
    const now = deps.now()
    const calls = [
      ...robotCalls(q.campaignId, q.beginTime, end, now, namespace, timeZone),
      ...deps.batches.calls(q.campaignId, q.beginTime, end, now),
    ]
      .filter((c) => matches(c, q))
      .sort(byBeginTime)
      .map((c) => robotCallJson(c, timeZone))
    if (!q.isOrder) calls.reverse()
    if (q.isDownload === '1') {
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="robot-calls.csv"')
        .send(toCsv(calls))
    }
    return page(calls, q.p, q.s, q.isCount === 'true')
  })
}

/** Oldest first; the callId breaks ties, so pages never overlap. */
function byBeginTime(a: RobotCall, b: RobotCall): number {
  return a.beginTime - b.beginTime || (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0)
}

/** uuiValue matches fuzzily (a substring), under uuiKey or, without one, under any key. */
function uuiMatches(uui: Record<string, string>, key?: string, value?: string): boolean {
  if (key === undefined && value === undefined) return true
  const values = key === undefined ? Object.values(uui) : key in uui ? [uui[key] ?? ''] : []
  return values.some((v) => value === undefined || v.includes(value))
}

function toCsv(rows: ReadonlyArray<Record<string, string | number | null>>): string {
  const first = rows[0]
  if (!first) return ''
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v)
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
  }
  const keys = Object.keys(first)
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n')
}
