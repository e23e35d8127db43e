import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParamSchema } from '@/shared/admin'
import {
  type CreatedWebhookToken,
  createWebhookTokenBodySchema,
  WEBHOOK_PATH,
  type WebhookTokenList,
  type WebhookTokenView,
} from '@/shared/webhook-tokens'
import { principalOf } from '../auth/auth.hooks'
import type { Principal } from '../auth/auth.service'
import type { WebhookToken } from '../webhooks/webhook-tokens.repo'
import type { WebhookTokens } from '../webhooks/webhook-tokens.store'
import type { AuditAdmin } from '../actions/admin-audit'
import { forbidden, notFound } from '../lib/http-error'
import { parseWith } from '../lib/validate'

export interface WebhookTokensRoutesDeps {
  tokens: WebhookTokens
  now: () => number
  /** Minting and revoking are audited (never the secret). */
  audit: AuditAdmin
}

const ADMIN = { permission: 'manageUsers' } as const

/**
 * Webhook tokens of the admin's own tenant: minted (the secret answered once), listed and
 * revoked. A token admits every event of its tenant, so only an admin of the whole tenant
 * (no department or skill-group limit) manages them.
 */
export function webhookTokensRoutes(deps: WebhookTokensRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/webhook-tokens', { config: ADMIN }, async (req) => {
      const admin = wholeTenantAdmin(req)
      const namespace = admin.scope.namespace
      const list: WebhookTokenList = {
        tokens: (await deps.tokens.list(namespace)).map(view),
        settings: deps.tokens.fromSettings(namespace),
      }
      return list
    })

    app.post('/api/webhook-tokens', { config: ADMIN }, async (req, reply) => {
      const admin = wholeTenantAdmin(req)
      const body = parseWith(createWebhookTokenBodySchema, req.body)
      const { token, secret } = await deps.tokens.mint({
        name: body.name,
        namespace: admin.scope.namespace,
        createdById: admin.id,
        createdBy: admin.username,
        now: deps.now(),
      })
      const created: CreatedWebhookToken = {
        token: view(token),
        path: `${WEBHOOK_PATH}?token=${encodeURIComponent(secret)}`,
      }
      await deps.audit(admin, {
        op: 'webhook-token-mint',
        target: token.name,
        message: `#${token.id}`,
        status: 201,
      })
      return reply.code(201).send(created)
    })

    app.delete('/api/webhook-tokens/:id', { config: ADMIN }, async (req, reply) => {
      const admin = wholeTenantAdmin(req)
      const id = idParamSchema.safeParse(req.params)
      const token = id.success ? await deps.tokens.byId(id.data.id) : null
      if (!token || token.namespace !== admin.scope.namespace) {
        const asked = String((req.params as { id?: unknown }).id)
        throw notFound(`no webhook token ${asked.slice(0, 40)}`)
      }
      await deps.tokens.revoke(token.id, deps.now())
      await deps.audit(admin, {
        op: 'webhook-token-revoke',
        target: token.name,
        message: `#${token.id}`,
        status: 204,
      })
      return reply.code(204).send()
    })
  }
}

/** The signed-in admin if their scope is the whole tenant; a 403 otherwise. */
function wholeTenantAdmin(req: FastifyRequest): Principal {
  const p = principalOf(req)
  if (p.scope.orgPrefix !== null || p.scope.skills !== null) {
    throw forbidden(
      'a webhook token admits every event of the tenant: only an admin of the whole tenant (no department or skill-group limit) manages them',
    )
  }
  return p
}

function view(t: WebhookToken): WebhookTokenView {
  return {
    id: t.id,
    name: t.name,
    namespace: t.namespace,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt,
  }
}
