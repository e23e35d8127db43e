import Fastify, { type FastifyInstance } from 'fastify'
import { z } from 'zod'
import { AC_STATES } from '../../src/shared/ac-state'
import { formatEventTime } from '../../src/shared/platform-time'
import { describeIssues } from '../../src/shared/webhooks'
import type { Simulator } from './simulator'

const agentsQuerySchema = z.strictObject({
  state: z.enum(AC_STATES).optional(),
  skill: z.string().min(1).optional(),
})

/**
 * The simulator's own HTTP API: a health check and a look inside for tests, benchmarks
 * and curious humans. The platform's REST APIs (token, CDRs, recordings, CSTA) will join
 * it here.
 */
export function createSimServer(sim: Simulator, timeZone: string): FastifyInstance {
  const app = Fastify({ logger: false })

  app.get('/sim/health', () => ({ ok: true }))

  app.get('/sim/stats', () => sim.stats())

  app.get('/sim/agents', (request, reply) => {
    const query = agentsQuerySchema.safeParse(request.query)
    if (!query.success) return reply.code(400).send({ error: describeIssues(query.error) })
    const { state, skill } = query.data
    return sim.center.agents
      .filter(
        (a) =>
          (state === undefined || a.state === state) &&
          (skill === undefined || a.skills.includes(skill)),
      )
      .map((a) => ({
        id: a.id,
        name: a.name,
        extension: a.extension,
        skills: a.skills,
        org: a.org,
        acState: a.state,
        stateSince: formatEventTime(a.stateSince, timeZone),
        reason: a.reason,
        callId: a.callId,
        workSkill: a.workSkill,
      }))
  })

  return app
}
