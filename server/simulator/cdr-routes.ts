import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { CallLog } from './call-log'
import { cdrDetail, cdrListItem } from './cdr-format'
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
import { badRequest, fail, sendError } from './platform-http'
import { TOKEN_REJECTED, hasLiveToken } from './token-routes'

export interface CdrDeps {
  callLog: CallLog
  tokens: ExpiringKeys
  namespace: string
  timeZone: string
  /** 14001 and 14015 as the variant flags set them. */
  limits: CdrLimits
}

const callParams = z.object({ callId: z.string().min(1) })

/**
 * CDRs of the calls the simulator ran (seed 003 §4.4, §4.5), from its call log (the last
 * 7 simulated days). Business errors answer HTTP 400 with the errorCode, as §4.4.4 says
 * of 14011, for every code alike.
 */
export function registerCdrRoutes(app: FastifyInstance, deps: CdrDeps): void {
  const { namespace, timeZone } = deps
  const listQuery = z.object({
    ...pagedQueryFields(timeZone),
    ani: z.string().min(1).optional(),
    dnis: z.string().min(1).optional(),
  })

  app.get('/api/cdr/2.0/calls/open', (request, reply) => {
    if (!hasLiveToken(request, deps.tokens)) return sendError(reply, TOKEN_REJECTED)
    const query = listQuery.safeParse(request.query)
    if (!query.success) return sendError(reply, badRequest(query.error), CDR_INSTANCE_ID)
    const q = query.data
    const refused = checkQueryScope(q, namespace, timeZone, deps.limits)
    if (refused) return sendError(reply, refused, CDR_INSTANCE_ID)
    const calls = deps.callLog
      .query({ from: q.beginTime, to: rangeEndExclusive(q.endTime) - 1 })
      .filter((r) => numberMatches(r.ani, q.ani) && numberMatches(r.dnis, q.dnis))
      // By start time, then callId: a total order, so pages neither overlap nor skip.
      .sort((a, b) => a.startTime - b.startTime || (a.callId < b.callId ? -1 : 1))
    if (!q.isOrder) calls.reverse()
    const { total, list } = page(calls, q.p, q.s)
    const items = list.map((r) => cdrListItem(r, timeZone))
    return total === undefined ? { list: items } : { total, list: items }
  })

  app.get('/api/cdr/2.0/calls/open/call/:callId', (request, reply) => {
    if (!hasLiveToken(request, deps.tokens)) return sendError(reply, TOKEN_REJECTED)
    const params = callParams.safeParse(request.params)
    if (!params.success) return sendError(reply, badRequest(params.error), CDR_INSTANCE_ID)
    const record = deps.callLog.get(params.data.callId)
    if (!record) return sendError(reply, fail(400, 14011, 'callId不存在'), CDR_INSTANCE_ID)
    return cdrDetail(record, timeZone)
  })
}
