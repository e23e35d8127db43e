import type { FastifyInstance } from 'fastify'
import type { AgentsStore } from '../agents/agents.store'
import { principalOf } from '../auth/auth.hooks'
import { audienceOf } from '../realtime/audience'
import type { DayStatsAccumulator } from './day-stats'

export interface DayStatsDeps {
  dayStats: DayStatsAccumulator
  agents: AgentsStore
  now: () => number
}

/**
 * `GET /api/floor/day-stats`: today's calls handled, handle time, occupancy and state split of
 * every agent in the caller's scope. A separate request rather than fields of the floor's
 * agents: the figures change with every state change, so carrying them in the live patches
 * would grow every batch sent to every screen (tiles and walls included) for 800 agents, while
 * only the table shows them and a refresh every 30 s is fresh enough for day totals.
 */
export function dayStatsRoutes(d: DayStatsDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/floor/day-stats', { config: { permission: 'watch' } }, (req) => {
      const scope = principalOf(req).scope
      const audience = audienceOf(scope)
      const include = (agentId: string) => {
        const agent = d.agents.get(scope.namespace, agentId)
        return agent !== undefined && audience.includesAgent(agent)
      }
      return d.dayStats.statsFor(scope.namespace, include, d.now())
    })
  }
}
