import type { FastifyInstance, FastifyReply } from 'fastify'
import { idParamSchema } from '@/shared/admin'
import { describeIssues } from '@/shared/validation'
import {
  type QuarantinePage,
  quarantineQuerySchema,
  type ReplayAnswer,
} from '@/shared/webhook-quarantine'
import { principalOf } from '../auth/auth.hooks'
import type { Principal } from '../auth/auth.service'
import type { StoredEntry } from './quarantine.repo'
import type { WebhookQuarantine } from './quarantine.store'
import type { Ingest } from './webhook-ingest'

export interface QuarantineRoutesDeps {
  quarantine: WebhookQuarantine
  /** The webhook's own path from body to floor: a replay is validated and applied as the event would be now. */
  ingest: Ingest
  now: () => number
}

// Admins only; the bodies carry any agent's and caller's data of the tenant, so an admin
// limited to a department or skill groups is refused too.
const ADMIN = { permission: 'configure' } as const

/**
 * The admin's own tenant's quarantine: webhook bodies the relay could not apply, newest first,
 * and a replay of one through the webhook's own path once the relay can take it.
 */
export function quarantineRoutes(deps: QuarantineRoutesDeps) {
  // A second click while a replay is being written is refused, not applied twice.
  const replaying = new Set<number>()

  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/webhooks/quarantine', { config: ADMIN }, (req, reply) => {
      const admin = principalOf(req)
      if (!wholeTenant(admin)) return refuse(reply)
      const q = quarantineQuerySchema.safeParse(req.query)
      if (!q.success) {
        return reply.code(400).send({ error: 'invalid_request', message: describeIssues(q.error) })
      }
      const page: QuarantinePage = deps.quarantine.page(
        admin.scope.namespace,
        q.data.limit,
        q.data.offset,
      )
      return page
    })

    // The whole body as sent, as a file: a list carries only its start.
    app.get('/api/webhooks/quarantine/:id/body', { config: ADMIN }, (req, reply) => {
      const admin = principalOf(req)
      if (!wholeTenant(admin)) return refuse(reply)
      const entry = entryOf(deps, admin, req.params)
      if (!entry) return notFound(reply, req.params)
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="webhook-${entry.id}.json"`)
        .send(entry.body)
    })

    app.post('/api/webhooks/quarantine/:id/replay', { config: ADMIN }, async (req, reply) => {
      const admin = principalOf(req)
      if (!wholeTenant(admin)) return refuse(reply)
      const entry = entryOf(deps, admin, req.params)
      if (!entry) return notFound(reply, req.params)
      if (!entry.bodyKept) {
        return conflict(
          reply,
          `entry ${entry.id} was too large to read: there is no body to replay`,
        )
      }
      if (entry.replayedAt !== null) {
        return conflict(reply, `entry ${entry.id} was replayed already`)
      }
      if (replaying.has(entry.id)) {
        return conflict(reply, `entry ${entry.id} is being replayed`)
      }
      replaying.add(entry.id)
      try {
        const at = deps.now()
        const outcome = await deps.ingest(entry.body, entry.namespace, at)
        if (outcome.status === 200 || outcome.status === 202) {
          const replayed = await deps.quarantine.markReplayed(
            entry,
            at,
            admin.username,
            outcome.result,
          )
          const answer: ReplayAnswer = { result: outcome.result, entry: replayed }
          return answer
        }
        await deps.quarantine.setReason(entry, outcome.message)
        return reply.code(400).send({
          error: 'invalid_event',
          message: outcome.message,
          // What the webhook would answer the platform for this body now.
          webhookStatus: outcome.status,
        })
      } finally {
        replaying.delete(entry.id)
      }
    })
  }
}

function entryOf(
  deps: QuarantineRoutesDeps,
  admin: Principal,
  params: unknown,
): StoredEntry | null {
  const id = idParamSchema.safeParse(params)
  return id.success ? deps.quarantine.get(admin.scope.namespace, id.data.id) : null
}

function wholeTenant(p: Principal): boolean {
  return p.scope.orgPrefix === null && p.scope.skills === null
}

function refuse(reply: FastifyReply) {
  return reply.code(403).send({
    error: 'forbidden',
    message:
      'quarantined webhooks carry every agent and call of the tenant: only an admin of the whole tenant (no department or skill-group limit) sees them',
  })
}

function notFound(reply: FastifyReply, params: unknown) {
  const asked = String((params as { id?: unknown }).id)
  return reply
    .code(404)
    .send({ error: 'not_found', message: `no quarantined webhook ${asked.slice(0, 40)}` })
}

function conflict(reply: FastifyReply, message: string) {
  return reply.code(409).send({ error: 'conflict', message })
}
