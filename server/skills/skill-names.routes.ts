import type { FastifyInstance } from 'fastify'
import { skillNamesBodySchema } from '@/shared/skill-names'
import type { AuditAdmin } from '../actions/admin-audit'
import { principalOf } from '../auth/auth.hooks'
import { parseWith } from '../lib/validate'
import type { SkillNamesStore } from './skill-names.store'

export interface SkillNamesRoutesDeps {
  names: SkillNamesStore
  now: () => number
  audit: AuditAdmin
}

/**
 * `GET /api/skill-names` (everyone, wall screens too: tiles, filters and figures show the
 * names) and `PUT /api/skill-names` (admins who configure the floor), audited.
 */
export function skillNamesRoutes(deps: SkillNamesRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/skill-names', { config: { kiosk: true } }, (req) => ({
      names: deps.names.get(principalOf(req).scope.namespace),
    }))

    app.put('/api/skill-names', { config: { permission: 'configure' } }, async (req) => {
      const p = principalOf(req)
      const { names } = parseWith(skillNamesBodySchema, req.body)
      const ns = p.scope.namespace
      // What the audit says changed is against what is stored now, even if another relay
      // process changed it since this one last read it.
      const before = await deps.names.reload(ns)
      await deps.names.replace(ns, names, p.username, deps.now())
      const message = namesChanged(before, names)
      if (message)
        await deps.audit(p, { op: 'skill-names', target: 'skill-names', message, status: 200 })
      return { names: deps.names.get(ns) }
    })
  }
}

/** `7001@test.cc: — → 售前; 7002@test.cc: 售后 → —` for each name added, changed or removed. */
function namesChanged(
  before: Record<string, string>,
  after: Record<string, string>,
): string | null {
  const parts: string[] = []
  for (const id of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (before[id] !== after[id]) parts.push(`${id}: ${before[id] ?? '—'} → ${after[id] ?? '—'}`)
  }
  return parts.length > 0 ? parts.join('; ') : null
}
