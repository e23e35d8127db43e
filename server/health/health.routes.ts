import type { FastifyInstance } from 'fastify'
import type { CstaHealth, HealthDetails } from '@/shared/health'
import type { QuarantineSummary } from '@/shared/webhook-quarantine'
import { principalOf } from '../auth/auth.hooks'
import type { ClusterHealth } from '../cluster/cluster'
import type { WebhookStats } from '../webhooks/webhook-stats'

export interface HealthDeps {
  startedAt: number
  now: () => number
  stats: WebhookStats
  agentCount: () => number
  clientCount: () => number
  /** The call-control link's state; null when CSTA is not configured. */
  cstaHealth: () => CstaHealth | null
  /** The webhook quarantine's count for a tenant. */
  quarantine: (namespace: string) => Promise<QuarantineSummary>
  /** Whether the store answers (PostgreSQL may be away for a while). */
  store: () => 'up' | 'down'
  /** This process's part in a cluster; null: a single process. */
  cluster: () => ClusterHealth | null
}

/**
 * `GET /api/health`: up or not, for load balancers and monitors, without a session.
 * `GET /api/health/details`: what the relay has received, how its link to the platform's call
 * control is doing, and the admin's tenant's webhook quarantine, for admins.
 */
export function healthRoutes(deps: HealthDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const uptimeSec = () => Math.round((deps.now() - deps.startedAt) / 1000)
    // 503 while the store is away: webhooks cannot be kept then, and a balancer should send
    // them elsewhere. Redis away leaves the process serving (it says so).
    app.get('/api/health', { logLevel: 'warn', config: { public: true } }, (_req, reply) => {
      const store = deps.store()
      const cluster = deps.cluster()
      if (store === 'down') void reply.code(503)
      return {
        status: store === 'up' ? 'ok' : 'unavailable',
        uptimeSec: uptimeSec(),
        store,
        ...(cluster ? { node: cluster.nodeId, redis: cluster.redis } : {}),
      }
    })
    app.get(
      '/api/health/details',
      { config: { permission: 'configure' } },
      async (req): Promise<HealthDetails> => ({
        status: 'ok',
        uptimeSec: uptimeSec(),
        agents: deps.agentCount(),
        clients: deps.clientCount(),
        webhooks: deps.stats,
        csta: deps.cstaHealth(),
        // Webhook bodies of the admin's tenant that could not be applied (see the quarantine).
        quarantine: await deps.quarantine(principalOf(req).scope.namespace),
        store: deps.store(),
        cluster: deps.cluster(),
      }),
    )
  }
}
