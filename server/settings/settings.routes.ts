import type { FastifyInstance } from 'fastify'
import { floorSettingsSchema } from '@/shared/settings'
import { describeIssues } from '@/shared/validation'
import { principalOf } from '../auth/auth.hooks'
import { badRequest } from '../lib/http-error'
import type { CallsStore } from '../day-calls/calls.store'
import type { FloorGateway } from '../realtime/floor.gateway'
import type { SettingsStore } from './settings.store'
import type { AuditAdmin } from '../actions/admin-audit'
import { settingsChanges } from './settings-changes'

export interface SettingsRoutesDeps {
  settings: SettingsStore
  calls: CallsStore
  gateway: FloorGateway
  now: () => number
  /** Every change of thresholds and targets is audited. */
  audit: AuditAdmin
}

/** `GET /api/settings` (everyone, wall screens too) and `PUT /api/settings` (admins). */
export function settingsRoutes(deps: SettingsRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/settings', { config: { kiosk: true } }, (req) =>
      deps.settings.get(principalOf(req).scope.namespace),
    )

    app.put('/api/settings', { config: { permission: 'configure' } }, async (req) => {
      const p = principalOf(req)
      const body = floorSettingsSchema.safeParse(req.body)
      if (!body.success) {
        // Skill ids contain dots, so the joined paths of `message` can be ambiguous: the issues
        // come with their paths as arrays too.
        const issues = body.error.issues.map((i) => ({
          path: i.path.map(String),
          message: i.message,
        }))
        throw badRequest(describeIssues(body.error), { issues })
      }
      const ns = p.scope.namespace
      // What the audit says changed is against what is stored now, even if another relay
      // process changed it since this one last read it.
      const before = await deps.settings.reload(ns)
      await deps.settings.put(ns, body.data, p.username, deps.now())
      await deps.audit(p, {
        op: 'thresholds',
        target: 'thresholds',
        message: settingsChanges(before, body.data),
        status: 200,
      })
      // Service-level rules change how today's calls count: count them again and resend.
      deps.calls.reload(ns)
      deps.gateway.figuresChanged(ns)
      deps.gateway.settingsChanged(ns, body.data)
      return body.data
    })
  }
}
