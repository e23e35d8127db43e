import Fastify, { type FastifyInstance } from 'fastify'
import { registerCdrRoutes } from './cdr-routes'
import { CstaLog } from './csta-log'
import { cstaRoutes } from './csta-routes'
import { registerDoubleCallRoutes } from './double-call-routes'
import { ExpiringKeys } from './expiring-keys'
import { registerExpiryRoutes } from './expiry-routes'
import { ForceOperations } from './force-operations'
import { registerInstantOutboundRoutes } from './instant-outbound-routes'
import { installPlatformParsers } from './platform-http'
import { RecordingAudio } from './recording-audio'
import { registerRecordingRoutes } from './recording-routes'
import { registerRobotRoutes } from './robot-routes'
import { registerRosterRoutes } from './roster-routes'
import type { SimConfig } from './sim-config'
import { registerSimRoutes } from './sim-routes'
import type { Simulator } from './simulator'
import { registerTokenRoutes } from './token-routes'
import { UrlSigner } from './url-signer'

const SECOND_MS = 1_000
const SIGNED_LINK_TTL_MS = 5 * 60 * SECOND_MS // long enough to follow a redirect and play

export interface SimServerDeps {
  /**
   * Wall clock, epoch ms, for token, session and signed-link lifetimes (the relay counts
   * them on its own clock, whatever `--speed` the floor plays at). Tests pass a fake.
   */
  wallNow?: () => number
}

/**
 * The platform's HTTP face: the REST APIs the relay calls (access token, CDRs, robot CDRs,
 * recordings and their audio; the TPI login and the CSTA force operations; double calls,
 * instant auto-outbound calls and call lists), served as
 * the platform serves them, and the simulator's own `/sim/*` API beside them.
 */
export function createSimServer(
  sim: Simulator,
  config: SimConfig,
  deps: SimServerDeps = {},
): FastifyInstance {
  const wallNow = deps.wallNow ?? Date.now
  const { namespace, timeZone } = config
  const app = Fastify({ logger: false })
  installPlatformParsers(app)

  const tokens = new ExpiringKeys(config.tokenTtlSec * SECOND_MS, wallNow)
  const sessions = new ExpiringKeys(config.cstaSessionTtlSec * SECOND_MS, wallNow)
  const cstaLog = new CstaLog()
  const audio = new RecordingAudio(config.audioCacheBytes)

  registerTokenRoutes(app, {
    credentials: { appId: config.appId, appSecret: config.appSecret, apiKey: config.apiKey },
    tokens,
    errorInBody: config.variants.tokenErrorInBody,
  })
  const limits = {
    maxSpanDays: config.variants.cdrMaxSpanDays,
    databases: config.variants.cdrDatabases,
    splitMessage: config.variants.cdrSplitMessage,
  }
  registerCdrRoutes(app, { callLog: sim.callLog, tokens, namespace, timeZone, limits })
  const now = () => sim.now()
  const batches = sim.robotBatches
  registerRobotRoutes(app, { tokens, namespace, timeZone, limits, now, batches })
  // Outbound (seed 003 §5, §6): double calls, instant auto-outbound calls, call lists.
  const cms = { up: !config.cmsDown }
  registerDoubleCallRoutes(app, { tokens, center: sim.center, namespace, cms })
  registerInstantOutboundRoutes(app, {
    tokens,
    center: sim.center,
    namespace,
    tenantId: config.tenantId,
  })
  registerRosterRoutes(app, { tokens, batches })
  registerRecordingRoutes(app, {
    callLog: sim.callLog,
    tokens,
    audio,
    signer: new UrlSigner(SIGNED_LINK_TTL_MS, wallNow),
    timeZone,
    wavDays: config.variants.wavDays,
    now: () => sim.now(),
  })
  void app.register(cstaRoutes, {
    namespace,
    sessionExpiryCode: config.variants.sessionExpiryCode,
    username: config.cstaUsername,
    password: config.cstaPassword,
    sessions,
    operations: new ForceOperations(sim.center, namespace),
    log: cstaLog,
  })
  registerSimRoutes(app, { sim, timeZone, cstaLog, audio })
  registerExpiryRoutes(app, { tokens, sessions })
  return app
}
