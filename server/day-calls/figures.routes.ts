import type { FastifyInstance } from 'fastify'
import { orgInScope } from '@/shared/auth'
import { figuresQuerySchema } from '@/shared/figures'
import type { TodayFigures } from '@/shared/floor'
import type { AgentsStore } from '../agents/agents.store'
import { principalOf } from '../auth/auth.hooks'
import { parseWith } from '../lib/validate'
import { type Audience, audienceOf } from '../realtime/audience'
import type { CallsStore } from './calls.store'
import type { BucketFilter } from './figures'

export interface FiguresRoutesDeps {
  agents: AgentsStore
  calls: CallsStore
}

/**
 * Today's figures for what the floor's filter shows. The filter only narrows the user's own
 * scope: a department or skill group outside it adds nothing.
 */
export function figuresFor(
  deps: FiguresRoutesDeps,
  audience: Audience,
  skills: readonly string[],
  depts: readonly string[],
): TodayFigures {
  const inScope = audience.includesBucket
  const skillOk = (skillId: string | null) =>
    skills.length === 0 || (skillId !== null && skills.includes(skillId))
  // Departments by the floor's key (orgId, else orgName), found among the agents in scope, and
  // the departments below them.
  const positions = new Set<string>()
  if (depts.length > 0) {
    for (const agent of deps.agents.list(audience.namespace)) {
      const key = agent.org.id ?? agent.org.name
      if (key !== null && depts.includes(key) && agent.org.treePos && audience.includesAgent(agent))
        positions.add(agent.org.treePos)
    }
  }
  const deptOk = (org: string | null) =>
    depts.length === 0 || [...positions].some((p) => org !== null && orgInScope(org, p))
  const queue: BucketFilter = (skill, org) => inScope(skill, org) && skillOk(skill)
  const agents: BucketFilter = (skill, org) => queue(skill, org) && deptOk(org)
  const outbound: BucketFilter = (skill, org) => inScope(skill, org) && deptOk(org)
  return deps.calls.figuresSplit(audience.namespace, queue, agents, outbound)
}

/** `GET /api/figures?skill=…&dept=…` (see `figuresQuerySchema`). */
export function figuresRoutes(deps: FiguresRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/figures', { config: { permission: 'watch' } }, async (req) => {
      const q = parseWith(figuresQuerySchema, req.query)
      const audience = audienceOf(principalOf(req).scope)
      return figuresFor(deps, audience, q.skill, q.dept)
    })
  }
}
