import type { FastifyInstance } from 'fastify'
import {
  type CreatedKiosk,
  createKioskBodySchema,
  idParamSchema,
  type KioskLinkView,
} from '@/shared/admin'
import { orgInScope } from '@/shared/auth'
import { principalOf } from '../auth/auth.hooks'
import type { KioskLink, KiosksRepo } from '../auth/kiosks.repo'
import type { SessionOwner } from '../auth/socket-auth'
import { badRequest, notFound } from '../lib/http-error'
import { randomSecret } from '../lib/secrets'
import { parseWith } from '../lib/validate'
import { type AuditAdmin, changesOf } from '../actions/admin-audit'

export interface KiosksRoutesDeps {
  kiosks: KiosksRepo
  now: () => number
  /** Called after a link was revoked: its open screens are checked (and closed) now. */
  sessionsChanged: (owner: SessionOwner) => Promise<void>
  /** Minting and revoking are audited. */
  audit: AuditAdmin
}

const ADMIN = { permission: 'manageUsers' } as const

/** Wall-screen links: minted, listed (with when each was last used) and revoked by an admin. */
export function kiosksRoutes(deps: KiosksRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/kiosks', { config: ADMIN }, async (req) =>
      (await deps.kiosks.list(principalOf(req).scope.namespace)).map(view),
    )

    app.post('/api/kiosks', { config: ADMIN }, async (req, reply) => {
      const admin = principalOf(req)
      const body = parseWith(createKioskBodySchema, req.body)
      const orgPrefix = body.orgPrefix ?? admin.scope.orgPrefix
      if (!orgInScope(orgPrefix, admin.scope.orgPrefix)) {
        throw badRequest(
          `orgPrefix: must lie within your own department (${admin.scope.orgPrefix})`,
        )
      }
      const token = randomSecret(24)
      const link = await deps.kiosks.create({
        token,
        name: body.name,
        scope: { namespace: admin.scope.namespace, orgPrefix, skills: body.skills },
        createdBy: admin.id,
        now: deps.now(),
      })
      const created: CreatedKiosk = { link: view(link), path: `/k/${token}` }
      await deps.audit(admin, {
        op: 'kiosk-mint',
        target: link.name,
        message: changesOf({}, { orgPrefix, skills: body.skills }),
        status: 201,
      })
      return reply.code(201).send(created)
    })

    app.delete('/api/kiosks/:id', { config: ADMIN }, async (req, reply) => {
      const admin = principalOf(req)
      const id = idParamSchema.safeParse(req.params)
      const link = id.success ? await deps.kiosks.byId(id.data.id) : null
      if (!link || link.scope.namespace !== admin.scope.namespace) {
        throw notFound(`no wall-screen link ${String((req.params as { id?: unknown }).id)}`)
      }
      // Its sessions are not deleted here: the next check of each (any request, or its open
      // screens, checked now) finds the link revoked, says so, and ends the session.
      await deps.kiosks.revoke(link.id, deps.now())
      await deps.sessionsChanged({ kioskId: link.id })
      await deps.audit(admin, {
        op: 'kiosk-revoke',
        target: link.name,
        message: `#${link.id}`,
        status: 204,
      })
      return reply.code(204).send()
    })
  }
}

function view(k: KioskLink): KioskLinkView {
  return {
    id: k.id,
    name: k.name,
    scope: k.scope,
    createdAt: k.createdAt,
    revokedAt: k.revokedAt,
    lastUsedAt: k.lastUsedAt,
  }
}
