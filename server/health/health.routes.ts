import type { FastifyInstance } from 'fastify'
import type { WebhookStats } from '../webhooks/webhook-stats'

export interface HealthDeps {
  startedAt: number
  now: () => number
  stats: WebhookStats
  agentCount: () => number
  clientCount: () => number
}

/** `GET /api/health`: is the relay up, and what has it received. For monitoring and for people. */
export function healthRoutes(deps: HealthDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/health', { logLevel: 'warn' }, () => ({
      status: 'ok',
      uptimeSec: Math.round((deps.now() - deps.startedAt) / 1000),
      agents: deps.agentCount(),
      clients: deps.clientCount(),
      webhooks: deps.stats,
    }))
  }
}
