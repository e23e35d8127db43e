import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ACTION_OPS, actionBodySchema, auditQuerySchema, profileBodySchema } from '@/shared/actions'
import { principalOf } from '../auth/auth.hooks'
import { meOf } from '../auth/auth.service'
import { HttpError } from '../lib/http-error'
import { parseWith } from '../lib/validate'
import { upstreamId } from '../platform/upstream-id'
import type { UsersRepo } from '../auth/users.repo'
import type { ActionsService } from './actions.service'
import type { AuditRepo } from './audit.repo'
import { auditCsv } from './audit-csv'

export interface ActionsRoutesDeps {
  actions: ActionsService
  audit: AuditRepo
  users: UsersRepo
  now: () => number
  /** The platform's zone: the CSV's times read as its clocks (and the audit page) do. */
  timeZone: string
}

const actionParams = z.object({
  agentId: upstreamId,
  op: z.enum(ACTION_OPS, { error: `op must be one of ${ACTION_OPS.join(', ')}` }),
})

// CSV export reads at most this many entries at once.
const CSV_MAX_ROWS = 100_000

/** Supervisor actions on agents, the supervisor's own phone, and the audit log. */
export function actionsRoutes(deps: ActionsRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    // The role is checked by the service, not the route, so a refused attempt is audited too.
    app.post('/api/agents/:agentId/actions/:op', async (req, reply) => {
      // An action's answers all carry `ok`, its refusals too.
      const { agentId, op } = parseWith(actionParams, req.params, { ok: false })
      const body = parseWith(actionBodySchema, req.body, { ok: false })
      const answer = await deps.actions.run(principalOf(req), agentId, op, body)
      if (!answer.body.ok) throw HttpError.of(answer.status, answer.body)
      return reply.code(answer.status).send(answer.body)
    })

    app.patch('/api/me', async (req) => {
      const p = principalOf(req)
      const body = parseWith(profileBodySchema, req.body)
      const changes: { deviceId?: string | null; phoneNumber?: string | null } = {}
      if (body.deviceId !== undefined) changes.deviceId = body.deviceId || null
      if (body.phoneNumber !== undefined) changes.phoneNumber = body.phoneNumber || null
      const user = (await deps.users.update(p.id, changes, deps.now()))!
      return meOf({ ...p, deviceId: user.deviceId, phoneNumber: user.phoneNumber })
    })

    app.get('/api/audit', { config: { permission: 'viewAudit' } }, async (req) => {
      const q = parseWith(auditQuerySchema, req.query)
      return deps.audit.query(principalOf(req).scope.namespace, q)
    })

    app.get('/api/audit.csv', { config: { permission: 'viewAudit' } }, async (req, reply) => {
      const q = parseWith(auditQuerySchema, {
        ...(req.query as object),
        limit: undefined,
        offset: undefined,
      })
      const page = await deps.audit.query(principalOf(req).scope.namespace, {
        ...q,
        limit: CSV_MAX_ROWS,
        offset: 0,
      })
      const stamp = new Date(deps.now()).toISOString().slice(0, 10)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
        .send(auditCsv(page.entries, q.lang ?? 'zh', deps.timeZone))
    })
  }
}
