import type { FastifyInstance } from 'fastify'
import { PREFERENCES_MAX_BYTES, preferencesSchema } from '@/shared/preferences'
import { describeIssues } from '@/shared/validation'
import { principalOf } from '../auth/auth.hooks'
import type { PreferencesRepo } from './preferences.repo'

/**
 * `GET /api/me/preferences` and `PUT /api/me/preferences` (the fields sent replace those
 * stored; others stay): the signed-in user's own settings. Like every route without
 * `config.public` they need a session; wall-screen links have no user and are refused.
 */
export function preferencesRoutes(repo: PreferencesRepo, now: () => number) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/me/preferences', (req) => repo.get(principalOf(req).id))

    app.put('/api/me/preferences', { bodyLimit: PREFERENCES_MAX_BYTES }, async (req, reply) => {
      const body = preferencesSchema.safeParse(req.body)
      if (!body.success)
        return reply
          .code(400)
          .send({ error: 'invalid_request', message: describeIssues(body.error) })
      const id = principalOf(req).id
      const next = { ...repo.get(id), ...body.data }
      repo.put(id, next, now())
      return next
    })
  }
}
