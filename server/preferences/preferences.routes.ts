import type { FastifyInstance } from 'fastify'
import { PREFERENCES_MAX_BYTES, preferencesSchema } from '@/shared/preferences'
import { principalOf } from '../auth/auth.hooks'
import { parseWith } from '../lib/validate'
import type { PreferencesRepo } from './preferences.repo'

/**
 * `GET /api/me/preferences` and `PUT /api/me/preferences` (the fields sent replace those
 * stored; others stay): the signed-in user's own settings. Like every route without
 * `config.public` they need a session; wall-screen links have no user and are refused.
 */
export function preferencesRoutes(repo: PreferencesRepo, now: () => number) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/me/preferences', (req) => repo.get(principalOf(req).id))

    app.put('/api/me/preferences', { bodyLimit: PREFERENCES_MAX_BYTES }, async (req) => {
      const body = parseWith(preferencesSchema, req.body)
      const id = principalOf(req).id
      const next = { ...(await repo.get(id)), ...body }
      await repo.put(id, next, now())
      return next
    })
  }
}
