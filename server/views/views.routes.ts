import type { FastifyInstance } from 'fastify'
import { idParamSchema } from '@/shared/admin'
import { can } from '@/shared/auth'
import { saveViewBodySchema } from '@/shared/views'
import { principalOf } from '../auth/auth.hooks'
import { forbidden, notFound } from '../lib/http-error'
import { parseWith } from '../lib/validate'
import type { ViewsRepo } from './views.repo'

/** Named floor views of a tenant: every user may open them; supervisors save; owners and admins delete. */
export function viewsRoutes(views: ViewsRepo, now: () => number) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/views', (req) => views.list(principalOf(req).scope.namespace))

    app.post('/api/views', { config: { permission: 'saveViews' } }, async (req, reply) => {
      const p = principalOf(req)
      const body = parseWith(saveViewBodySchema, req.body)
      const view = await views.create({
        namespace: p.scope.namespace,
        ownerId: p.id,
        ownerName: p.username,
        ...body,
        now: now(),
      })
      return reply.code(201).send(view)
    })

    app.delete('/api/views/:id', { config: { permission: 'saveViews' } }, async (req, reply) => {
      const p = principalOf(req)
      const id = idParamSchema.safeParse(req.params)
      const view = id.success ? await views.get(p.scope.namespace, id.data.id) : null
      if (!view) throw notFound('no such view')
      if (view.ownerId !== p.id && !can(p.role, 'manageUsers')) {
        throw forbidden(`only ${view.owner} or an admin may delete this view`)
      }
      await views.delete(p.scope.namespace, view.id)
      return reply.code(204).send()
    })
  }
}
