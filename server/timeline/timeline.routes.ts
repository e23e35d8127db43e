import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { platformDay, parsePlatformTime } from '@/shared/platform-time'
import type { AgentsRepo } from '../agents/agents.repo'
import type { AgentsStore } from '../agents/agents.store'
import { principalOf } from '../auth/auth.hooks'
import { badRequest, notFound } from '../lib/http-error'
import { parseWith } from '../lib/validate'
import type { CallsRepo } from '../day-calls/calls.repo'
import { audienceOf } from '../realtime/audience'
import { buildTimeline } from './timeline'

export interface TimelineDeps {
  agents: AgentsStore
  agentsRepo: AgentsRepo
  calls: CallsRepo
  timeZone: string
  now: () => number
}

const params = z.object({ agentId: z.string().trim().min(1).max(200) })
const query = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-MM-dd')
    .optional(),
})

const DAY_MS = 24 * 60 * 60 * 1000

/** `GET /api/agents/{agentId}/timeline?day=yyyy-MM-dd`: an agent's day from the stored events. */
export function timelineRoutes(d: TimelineDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/agents/:agentId/timeline', { config: { permission: 'watch' } }, async (req) => {
      const { agentId } = parseWith(params, req.params)
      const q = parseWith(query, req.query)
      const principal = principalOf(req)
      const audience = audienceOf(principal.scope)
      const agent = d.agents.get(principal.scope.namespace, agentId)
      if (!agent || !audience.includesAgent(agent))
        throw notFound(`no agent ${agentId} in your scope`)
      const now = d.now()
      const day = q.day ?? platformDay(now, d.timeZone)
      const from = parsePlatformTime(`${day} 00:00:00`, d.timeZone)
      if (from === null) throw badRequest('day: is not a real date')
      const until = Math.min(now, from + DAY_MS)
      const events = await d.agentsRepo.eventsBetween(agent.namespace, agent.id, from, until)
      const calls = (await d.calls.listDay(day)).filter(
        (c) => c.namespace === agent.namespace && c.agentId === agent.id,
      )
      return buildTimeline(agent.id, day, events, calls, from, Math.max(from, until))
    })
  }
}
