import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParamSchema } from '@/shared/admin'
import {
  type QuarantinePage,
  quarantineQuerySchema,
  type ReplayAnswer,
} from '@/shared/webhook-quarantine'
import { principalOf } from '../auth/auth.hooks'
import { conflict, forbidden, HttpError, notFound } from '../lib/http-error'
import { parseWith } from '../lib/validate'
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
    app.get('/api/webhooks/quarantine', { config: ADMIN }, async (req) => {
      const admin = wholeTenantAdmin(req)
      const q = parseWith(quarantineQuerySchema, req.query)
      const page: QuarantinePage = await deps.quarantine.page(
        admin.scope.namespace,
        q.limit,
        q.offset,
      )
      return page
    })

    // The whole body as sent, as a file: a list carries only its start.
    app.get('/api/webhooks/quarantine/:id/body', { config: ADMIN }, async (req, reply) => {
      const admin = wholeTenantAdmin(req)
      const entry = await entryOf(deps, admin, req.params)
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="webhook-${entry.id}.json"`)
        .send(entry.body)
    })

    app.post('/api/webhooks/quarantine/:id/replay', { config: ADMIN }, async (req) => {
      const admin = wholeTenantAdmin(req)
      const entry = await entryOf(deps, admin, req.params)
      if (!entry.bodyKept) {
        throw conflict(`entry ${entry.id} was too large to read: there is no body to replay`)
      }
      if (entry.replayedAt !== null) throw conflict(`entry ${entry.id} was replayed already`)
      if (replaying.has(entry.id)) throw conflict(`entry ${entry.id} is being replayed`)
      replaying.add(entry.id)
      try {
        // A replay that ended while this entry was being read has marked it: read it again now
        // that no other can start.
        const fresh = await deps.quarantine.get(entry.namespace, entry.id)
        if (fresh?.replayedAt !== null) throw conflict(`entry ${entry.id} was replayed already`)
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
        // What the webhook would answer the platform for this body now.
        throw new HttpError(400, 'invalid_event', outcome.message, {
          webhookStatus: outcome.status,
        })
      } finally {
        replaying.delete(entry.id)
      }
    })
  }
}

/** The entry `:id` names in the admin's tenant; a 404 otherwise. */
async function entryOf(
  deps: QuarantineRoutesDeps,
  admin: Principal,
  params: unknown,
): Promise<StoredEntry> {
  const id = idParamSchema.safeParse(params)
  const entry = id.success ? await deps.quarantine.get(admin.scope.namespace, id.data.id) : null
  if (!entry) {
    const asked = String((params as { id?: unknown }).id)
    throw notFound(`no quarantined webhook ${asked.slice(0, 40)}`)
  }
  return entry
}

/** The signed-in admin if their scope is the whole tenant; a 403 otherwise. */
function wholeTenantAdmin(req: FastifyRequest): Principal {
  const p = principalOf(req)
  if (p.scope.orgPrefix !== null || p.scope.skills !== null) {
    throw forbidden(
      'quarantined webhooks carry every agent and call of the tenant: only an admin of the whole tenant (no department or skill-group limit) sees them',
    )
  }
  return p
}
