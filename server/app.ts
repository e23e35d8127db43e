import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { Server } from 'socket.io'
import { AgentsRepo } from './agents/agents.repo'
import { AgentsStore } from './agents/agents.store'
import { CallsRepo } from './calls/calls.repo'
import { CallsStore } from './calls/calls.store'
import type { RelayConfig } from './config'
import type { Db } from './db/database'
import { healthRoutes } from './health/health.routes'
import { redactUrl } from './lib/secrets'
import { namespaceAudience } from './realtime/audience'
import { FloorGateway, type FloorServer } from './realtime/floor.gateway'
import { floorRoutes } from './realtime/floor.routes'
import { spaRoutes } from './web/spa.routes'
import { emptyWebhookStats } from './webhooks/webhook-stats'
import { webhookRoutes } from './webhooks/webhooks.routes'

export interface AppDeps {
  config: RelayConfig
  db: Db
  /** Clock, epoch ms; tests may pass their own. */
  now?: () => number
  /** Fastify's logger setting; false in tests. */
  logger?: FastifyServerOptions['logger']
  /** Where the built SPA is; defaults to ./dist. */
  distDir?: string
}

export interface App {
  fastify: FastifyInstance
  io: FloorServer
  gateway: FloorGateway
  /** Listens on the configured host and port (0: any free port); resolves to the base URL. */
  listen(): Promise<string>
  close(): Promise<void>
}

// socket.io keeps the batches a dropped client missed for this long and replays them when it
// comes back; a client away for longer gets a fresh snapshot instead.
const RECOVERY_WINDOW_MS = 60_000
// Stored agent events are pruned this often.
const PRUNE_EVERY_MS = 60 * 60 * 1000

export function createApp(deps: AppDeps): App {
  const { config, db } = deps
  const now = deps.now ?? Date.now
  const fastify = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          url: redactUrl(req.url),
        }),
      },
    },
    // The relay sits behind a proxy in most deployments; only trust it for the client address.
    trustProxy: true,
  })

  const io: FloorServer = new Server(fastify.server, {
    serveClient: false,
    connectionStateRecovery: {
      maxDisconnectionDuration: RECOVERY_WINDOW_MS,
      skipMiddlewares: false,
    },
  })
  io.use((socket, next) => {
    socket.data.audience = namespaceAudience(config.namespace)
    next()
  })

  // The gateway is created after the stores, but the stores report changes through it.
  let gateway: FloorGateway | null = null
  const agents = new AgentsStore(new AgentsRepo(db), (view) => gateway?.agentChanged(view))
  const calls = new CallsStore(
    new CallsRepo(db),
    { slThresholdSec: config.slThresholdSec, shortAbandonSec: config.shortAbandonSec },
    config.timeZone,
    now(),
    (call) => gateway?.callEnded(call),
  )
  const floor = new FloorGateway(io, agents, calls, now)
  gateway = floor

  const stats = emptyWebhookStats()
  const startedAt = now()
  void fastify.register(
    webhookRoutes({
      webhookToken: config.webhookToken,
      timeZone: config.timeZone,
      now,
      agents,
      calls,
      gateway: floor,
      stats,
    }),
  )
  void fastify.register(
    healthRoutes({
      startedAt,
      now,
      stats,
      agentCount: () => agents.count(),
      clientCount: () => floor.clientCount(),
    }),
  )
  void fastify.register(floorRoutes(floor, () => namespaceAudience(config.namespace)))
  void fastify.register(spaRoutes(deps.distDir ?? path.resolve('dist')))

  const agentsRepo = new AgentsRepo(db)
  const prune = () => agentsRepo.prune(now() - config.eventRetentionDays * 24 * 60 * 60 * 1000)
  prune()
  const pruneTimer = setInterval(prune, PRUNE_EVERY_MS)

  fastify.addHook('preClose', (done) => {
    // Open websockets would keep the HTTP server from closing.
    io.local.disconnectSockets(true)
    done()
  })
  fastify.addHook('onClose', async () => {
    clearInterval(pruneTimer)
    floor.close()
    await io.close()
  })

  return {
    fastify,
    io,
    gateway: floor,
    async listen() {
      await fastify.listen({ port: config.port, host: config.host })
      const address = fastify.server.address()
      const port = typeof address === 'object' && address ? address.port : config.port
      const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
      return `http://${host}:${port}`
    },
    async close() {
      await fastify.close()
    },
  }
}
