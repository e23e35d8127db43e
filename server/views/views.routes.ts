import type { FastifyInstance } from 'fastify'
import { idParamSchema } from '@/shared/admin'
import { can } from '@/shared/auth'
import { describeIssues } from '@/shared/validation'
import { saveViewBodySchema } from '@/shared/views'
import { principalOf } from '../auth/auth.hooks'
import type { ViewsRepo } from './views.repo'

/** Named floor views of a tenant: every user may open them; supervisors save; owners and admins delete. */
export function viewsRoutes(views: ViewsRepo, now: () => number) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/views', (req) => views.list(principalOf(req).scope.namespace))

    app.post('/api/views', { config: { permission: 'saveViews' } }, async (req, reply) => {
      const p = principalOf(req)
      const body = saveViewBodySchema.safeParse(req.body)
      if (!body.success)
        return reply
          .code(400)
          .send({ error: 'invalid_request', message: describeIssues(body.error) })
      const view = views.create({
        namespace: p.scope.namespace,
        ownerId: p.id,
        ownerName: p.username,
        ...body.data,
        now: now(),
      })
      return reply.code(201).send(view)
    })

    app.delete('/api/views/:id', { config: { permission: 'saveViews' } }, async (req, reply) => {
      const p = principalOf(req)
      const id = idParamSchema.safeParse(req.params)
      const view = id.success ? views.get(p.scope.namespace, id.data.id) : null
      if (!view) return reply.code(404).send({ error: 'not_found', message: 'no such view' })
      if (view.ownerId !== p.id && !can(p.role, 'manageUsers')) {
        return reply
          .code(403)
          .send({
            error: 'forbidden',
            message: `only ${view.owner} or an admin may delete this view`,
          })
      }
      views.delete(p.scope.namespace, view.id)
      return reply.code(204).send()
    })
  }
}
