import path from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance } from 'fastify'
import { Server } from 'socket.io'
import type { AuthConfig } from '@/shared/auth'
import { actionsRoutes } from './actions/actions.routes'
import { ActionsService } from './actions/actions.service'
import { adminAuditor } from './actions/admin-audit'
import { AuditRepo } from './actions/audit.repo'
import type { DirectorySource } from './admin/directory'
import { directoryRoutes } from './admin/directory.routes'
import { kiosksRoutes } from './admin/kiosks.routes'
import { usersRoutes } from './admin/users.routes'
import { webhookTokensRoutes } from './admin/webhook-tokens.routes'
import { AgentsRepo } from './agents/agents.repo'
import { AgentsStore } from './agents/agents.store'
import { cdrNumberLookup } from './agents/customer-number.lookup'
import { CustomerNumbers } from './agents/customer-numbers'
import { installAuthHooks, principalOf } from './auth/auth.hooks'
import { authRoutes } from './auth/auth.routes'
import { AuthService } from './auth/auth.service'
import { KiosksRepo } from './auth/kiosks.repo'
import { KnownAddressesRepo } from './auth/known-addresses.repo'
import { LoginThrottle, type ThrottleLimits, DEFAULT_THROTTLE } from './auth/login-throttle'
import { SessionsRepo } from './auth/sessions.repo'
import { installSocketAuth, type SessionOwner } from './auth/socket-auth'
import { UsersRepo } from './auth/users.repo'
import { CallsRepo } from './day-calls/calls.repo'
import { CallsStore } from './day-calls/calls.store'
import { digitsOf, sameNumber } from './day-calls/abandoned-callers'
import { figuresRoutes } from './day-calls/figures.routes'
import { type RelayConfig, trustProxyOption } from './config'
import { CstaClient } from './csta/csta.client'
import { outboundRoutes } from './outbound/outbound.routes'
import { OutboundRepo } from './outbound/outbound.repo'
import { OutboundService } from './outbound/outbound.service'
import { PlatformClient } from './platform/platform.client'
import { TokenManager } from './platform/token-manager'
import { recordsRoutes } from './call-records/records.routes'
import { RecordsService } from './call-records/records.service'
import { PresenceGateway } from './presence/presence.gateway'
import { PresenceService } from './presence/presence.service'
import { MemoryPresenceStore, type PresenceStore } from './presence/presence.store'
import { PeaksPrefetcher } from './waveforms/peaks.prefetch'
import { PeaksStore } from './waveforms/peaks.store'
import { analysisRoutes } from './waveforms/analysis.routes'
import { RecordingsRepo } from './call-records/recordings.repo'
import type { Store } from './db/store'
import { StoreProbe } from './db/store-probe'
import { Cluster } from './cluster/cluster'
import { SharedPresenceStore } from './cluster/shared-presence'
import { pruneExpired, type RetentionSettings } from './db/retention'
import { WriteBatcher } from './db/write-batcher'
import { healthRoutes } from './health/health.routes'
import { redactUrl } from './lib/secrets'
import { audienceOf } from './realtime/audience'
import { FloorGateway, type FloorServer } from './realtime/floor.gateway'
import { floorRoutes } from './realtime/floor.routes'
import { DayCounts } from './replay/day-counts'
import { CHECKPOINT_EVERY_MS, FloorReplay } from './replay/floor-replay'
import { ReplayRepo } from './replay/replay.repo'
import { MAX_CLIENT_MESSAGE_BYTES, onePerConnection } from './realtime/socket-limits'
import { API_BODY_LIMIT, REQUEST_LIMITS } from './web/request-limits'
import { normalizeRequestUrl } from './web/request-path'
import { installErrorHandler } from './web/errors'
import { CONTENT_SECURITY_POLICY } from './web/security-headers'
import { spaRoutes } from './web/spa.routes'
import { settingsRoutes } from './settings/settings.routes'
import { SettingsStore } from './settings/settings.store'
import { SkillNamesRepo } from './skills/skill-names.repo'
import { skillNamesRoutes } from './skills/skill-names.routes'
import { SkillNamesStore } from './skills/skill-names.store'
import { PreferencesRepo } from './preferences/preferences.repo'
import { preferencesRoutes } from './preferences/preferences.routes'
import { DayStatsAccumulator } from './timeline/day-stats'
import { dayStatsRoutes } from './timeline/day-stats.routes'
import { timelineRoutes } from './timeline/timeline.routes'
import { ViewsRepo } from './views/views.repo'
import { viewsRoutes } from './views/views.routes'
import { CaptureRepo } from './webhooks/capture.repo'
import { WebhookCapture } from './webhooks/capture.store'
import { QuarantineRepo } from './webhooks/quarantine.repo'
import { quarantineRoutes } from './webhooks/quarantine.routes'
import { WebhookQuarantine } from './webhooks/quarantine.store'
import { type Ingest, jsonReaderOf, webhookIngest } from './webhooks/webhook-ingest'
import { emptyWebhookStats } from './webhooks/webhook-stats'
import { WebhookTokensRepo } from './webhooks/webhook-tokens.repo'
import { WebhookTokens } from './webhooks/webhook-tokens.store'
import { webhookRoutes } from './webhooks/webhooks.routes'

export interface AppDeps {
  config: RelayConfig
  /** Where what must last is kept (openStore). */
  store: Store
  /** Clock, epoch ms; tests may pass their own. */
  now?: () => number
  /** false: no logging (tests). Otherwise logs go to `logStream` (default stdout). */
  logger?: false
  logStream?: NodeJS.WritableStream
  /** Where the built SPA is; defaults to ./dist. */
  distDir?: string
  /** Failed sign-ins allowed and the delays after them; tests may change them. */
  throttle?: Partial<ThrottleLimits>
  /** What the sign-in page may say (demo mode lists the demo accounts). */
  authConfig?: AuthConfig
  /** Where who-is-on-which-agent is kept; in this process's memory unless given. */
  presenceStore?: PresenceStore
}

export interface App {
  fastify: FastifyInstance
  io: FloorServer
  gateway: FloorGateway
  /**
   * Today's calls and figures; `calls.callingBack(…)` marks an abandoned caller being called
   * back through the console.
   */
  calls: CallsStore
  /** Who is on which agent; `sweep()` ends snoozes whose time is up (tests call it). */
  presence: PresenceGateway
  /** Checks every open socket's session again now (as after an admin change). */
  revalidateSockets: () => Promise<void>
  /** Listens on the configured host and port (0: any free port); resolves to the base URL. */
  listen(): Promise<string>
  close(): Promise<void>
}

// socket.io keeps the batches a dropped client missed for this long and replays them when it
// comes back; a client away for longer gets a fresh snapshot instead.
const RECOVERY_WINDOW_MS = 60_000
// Stored records past their retention (events, calls, recordings, peaks, sessions, audit log)
// are pruned this often.
const PRUNE_EVERY_MS = 60 * 60 * 1000
// The floor replay looks for a checkpoint that fell due this often (a sixth of their period).
const CHECKPOINT_CHECK_MS = CHECKPOINT_EVERY_MS / 6
// Open sockets have their sessions checked this often (expiry, revocation, role changes).
const REVALIDATE_EVERY_MS = 30_000
const DAY_MS = 24 * 60 * 60 * 1000

export function createApp(deps: AppDeps): App {
  const { config, store } = deps
  const now = deps.now ?? Date.now
  const fastify = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            // Query strings may carry the webhook token: never log them as they are.
            serializers: {
              req: (req: { method: string; url: string }) => ({
                method: req.method,
                url: redactUrl(req.url),
              }),
            },
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    // Ids in paths (up to 256 characters) must reach their route's check, which answers a 400
    // naming them; the router's own limit (100 by default) would answer a bare 414 first.
    routerOptions: { maxParamLength: 1024 },
    // X-Forwarded-For/-Proto are believed only from the proxies TRUST_PROXY names: anyone else
    // could choose their own address (and dodge the sign-in throttle) or scheme.
    trustProxy: trustProxyOption(config.trustProxy),
    // The router and the session check see one spelling of each path (`/%61pi` is `/api`).
    rewriteUrl: (req) => normalizeRequestUrl(req.url ?? '/'),
    // REST bodies are small JSON objects; the webhook sets its own limit.
    bodyLimit: API_BODY_LIMIT,
  })
  // Every refusal and failure is answered in one shape (the webhook answers the platform its own way).
  installErrorHandler(fastify)
  void fastify.register(fastifyCookie)
  void fastify.register(fastifyRateLimit, REQUEST_LIMITS)
  void fastify.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Recordings are fetched by the page's own audio element; nothing is embedded cross-origin.
    crossOriginEmbedderPolicy: false,
    hsts: false,
  })

  // Cluster mode (REDIS_URL): this process's part in it.
  const cluster = config.cluster
    ? new Cluster(config.cluster, {
        warn: (o, message) => fastify.log.warn(o, message),
      })
    : null
  // The feed's position is noted before anything is read from the store (the hooks below run
  // in order); the others' events from there on apply once the store is read (`follow`).
  if (cluster) fastify.addHook('onReady', () => cluster.join())
  const users = new UsersRepo(store.db)
  const sessions = new SessionsRepo(store.db)
  const kiosks = new KiosksRepo(store.db)
  const throttle = new LoginThrottle({ ...DEFAULT_THROTTLE, ...deps.throttle }, now)
  const auth = new AuthService(
    users,
    sessions,
    kiosks,
    throttle,
    new KnownAddressesRepo(store.db),
    config.session,
    now,
  )
  installAuthHooks(fastify, auth)

  const io: FloorServer = new Server(fastify.server, {
    serveClient: false,
    connectionStateRecovery: {
      maxDisconnectionDuration: RECOVERY_WINDOW_MS,
      skipMiddlewares: false,
    },
    // Clients only send tiny messages; a bigger one closes its connection unread.
    maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    // In a cluster, what is sent to a room reaches its sockets on every process, and a dropped
    // screen's session is known to all of them.
    ...(cluster ? { adapter: cluster.socketAdapter() } : {}),
  })
  io.use(onePerConnection())
  const sockets = installSocketAuth(io, auth)
  const revalidateSockets = () => sockets.revalidate()
  const revalidateNow = () =>
    void revalidateSockets().catch((err: unknown) =>
      fastify.log.error({ err }, "checking the open sockets' sessions failed"),
    )

  // The gateway (and the peaks prefetcher) are created after the stores, but the stores
  // report changes through them.
  let gateway: FloorGateway | null = null
  let prefetcher: PeaksPrefetcher | null = null
  let presence: PresenceService | null = null
  const agentsRepo = new AgentsRepo(store.db, config.serialResetMs)
  const writes = new WriteBatcher(store)
  const storeProbe = new StoreProbe(store)
  storeProbe.start()
  const tokens = new TokenManager({
    baseUrl: config.platform.baseUrl ?? '',
    appId: config.platform.appId ?? '',
    appSecret: config.platform.appSecret ?? '',
    apiKey: config.platform.apiKey ?? '',
    encoding: config.platform.tokenEncoding,
    timeoutMs: config.platform.timeoutMs,
  })
  const platform = new PlatformClient({
    baseUrl: config.platform.baseUrl ?? '',
    tokens,
    timeoutMs: config.platform.timeoutMs,
  })
  const numbers = new CustomerNumbers({
    // Without a platform gateway there is nothing to ask: numbers come from events only.
    lookup: config.platform.baseUrl ? cdrNumberLookup(platform) : undefined,
    found: (namespace, callId, number) => agents.numberFound(namespace, callId, number),
  })
  // Today's per-agent figures follow every applied event; after a restart, today's stored ones.
  const dayStats = new DayStatsAccumulator(config.timeZone)
  // Today's handle time is counted from the agents' state changes (created below too).
  let handleTime: CallsStore | null = null
  const agents: AgentsStore = new AgentsStore(
    agentsRepo,
    writes,
    (view) => {
      dayStats.observe(view)
      gateway?.agentChanged(view)
      presence?.agentChanged(view)
      // After-call work ends with no call ending: the screens' handle time is resent then too.
      if (handleTime?.agentChanged(view)) gateway?.figuresChanged(view.namespace)
    },
    {
      serialResetMs: config.serialResetMs,
      // Once per agent per restart of the platform's counter: from then on its serials are in order.
      onSerialReset: (next, held) =>
        fastify.log.warn(
          {
            namespace: next.namespace,
            agentId: next.id,
            heldSerial: held.serial,
            serial: next.serial,
            heldStateSince: held.stateSince,
            stateSince: next.stateSince,
          },
          'the platform restarted its serial counter: a lower serial, later by more than SERIAL_RESET_SEC, took the tile',
        ),
    },
    numbers,
  )
  const settings = new SettingsStore(store.db, {
    slThresholdSec: config.slThresholdSec,
    shortAbandonSec: config.shortAbandonSec,
  })
  const skillNames = new SkillNamesStore(new SkillNamesRepo(store.db))
  // Today's figures and the screens read each tenant's rules and skill-group names from memory:
  // both are read in full before anything is answered.
  fastify.addHook('onReady', async () => {
    const [ownRules] = await Promise.all([settings.load(), skillNames.load()])
    // Today's calls already counted (by the relay's defaults) are counted again by the
    // tenant's own rules.
    for (const namespace of ownRules)
      if (calls.latestFor(namespace).length > 0) calls.reload(namespace)
  })
  const callsRepo = new CallsRepo(store.db)
  const calls = new CallsStore(
    callsRepo,
    writes,
    (namespace) => settings.figuresRules(namespace),
    config.timeZone,
    now(),
    (call) => {
      gateway?.callEnded(call)
      presence?.callEnded(call.namespace, call.callId)
      // Waveforms are computed ahead once in a cluster, by the process holding the lease.
      if (!cluster || cluster.isLeader) prefetcher?.callEnded(call)
    },
    (from, to) => agentsRepo.everyAgentBetween(from, to),
    {
      minOf: (namespace) => settings.get(namespace).repeatCallsMin,
      // Agents on a call with that number (or every agent) show the count of the day again.
      changed: (namespace, digits) =>
        agents.recountCallers(
          namespace,
          digits === null ? null : (number) => sameNumber(digitsOf(number), digits),
        ),
    },
  )
  handleTime = calls
  agents.callerCalls = (view) => calls.callerCallsFor(view)
  // The floor, today's figures and the agents' day as they were before a restart, before the
  // relay answers any request or socket.
  fastify.addHook('onReady', async () => {
    await agents.load()
    await dayStats.seed(agentsRepo, now())
    await calls.load(now())
  })
  const floor = new FloorGateway(
    io,
    agents,
    calls,
    now,
    config.floorFlushMs,
    cluster !== null,
    config.floorFlush,
  )
  gateway = floor

  const recordings = new RecordingsRepo(store.db)
  const records = new RecordsService(
    platform,
    callsRepo,
    recordings,
    config.timeZone,
    now,
    {
      agentName: (namespace, agentId) => agents.get(namespace, agentId)?.name ?? null,
      skillNames: (namespace) => skillNames.get(namespace),
    },
    {
      today: (namespace, callId) => calls.repeatPlaceOf(namespace, callId),
      minOf: (namespace) => settings.get(namespace).repeatCallsMin,
    },
  )
  const peaks = new PeaksStore(path.join(config.dataDir, 'peaks'), platform)
  prefetcher = new PeaksPrefetcher(records, peaks, {
    minTalkSec: config.peaksPrefetchMinSec,
    log: (m) => fastify.log.debug(m),
  })

  // In a cluster, every process holds who is on which agent, told of each change.
  const presenceStore = cluster
    ? new SharedPresenceStore(
        deps.presenceStore ?? new MemoryPresenceStore(),
        (m) => void cluster.announce(m),
      )
    : (deps.presenceStore ?? new MemoryPresenceStore())
  const audit = new AuditRepo(store.db)
  const auditAdmin = adminAuditor(audit, now)
  const csta = cstaClientOf(config, now)
  presence = new PresenceService({
    store: presenceStore,
    agent: (namespace, agentId) => agents.get(namespace, agentId),
    audit,
    now,
    timeZone: config.timeZone,
    // The gateway below is made before anything can change.
    changed: (namespace, p) => {
      presenceGateway.changed(namespace, p)
      void cluster?.announce({ kind: 'presence-shown', namespace, presence: p })
    },
  })
  const presenceGateway = new PresenceGateway(io, floor, presence, (namespace, agentId) =>
    agents.get(namespace, agentId),
  )
  const actions = new ActionsService({ agents, csta, audit, now, presence })
  const outboundRepo = new OutboundRepo(store.db)
  const outbound = new OutboundService({
    platform,
    agents,
    audit,
    repo: outboundRepo,
    now,
    defaultPrefix: config.platform.outboundPrefix,
    tenantId: config.platform.tenantId,
    // A call back placed: its agent's tile names the customer at once (the platform's events
    // carry no number), and the abandoned caller shows who is calling them back.
    onCallBack: (namespace, customerPhone, callId, username) => {
      const at = now()
      agents.callNumber(namespace, callId, customerPhone)
      calls.callingBack(namespace, customerPhone, callId, username, at)
      void cluster?.announce({ kind: 'call-back', namespace, customerPhone, callId, username, at })
    },
  })

  const stats = emptyWebhookStats()
  // WEBHOOK_TOKEN admits the relay's own tenant; WEBHOOK_TOKENS and minted tokens, theirs.
  const webhookTokens = new WebhookTokens(
    new WebhookTokensRepo(store.db),
    [{ namespace: config.namespace, token: config.webhookToken }, ...config.webhookTokens],
    (err) => fastify.log.error({ err }, "a webhook token's last use could not be stored"),
  )
  // The minted tokens are in memory before the first webhook is admitted.
  fastify.addHook('onReady', () => webhookTokens.reload())
  // Parse, validate, apply: one path for the webhook and for replays from the quarantine.
  const ingestHere = webhookIngest({
    timeZone: config.timeZone,
    now,
    agents,
    calls,
    json: jsonReaderOf(fastify),
  })
  // In a cluster an applied event is on the feed before the platform is answered: a process
  // killed after its answer has lost nothing the others do not hold.
  const ingest: Ingest = cluster
    ? async (raw, admitted, receivedAt) => {
        const outcome = await ingestHere(raw, admitted, receivedAt)
        if (outcome.status === 200 && outcome.result === 'applied')
          await cluster.announce({ kind: 'webhook', namespace: admitted, receivedAt, body: raw })
        return outcome
      }
    : ingestHere
  const quarantine = new WebhookQuarantine(new QuarantineRepo(store.db), writes, config.quarantine)
  // Pruned even while capture is off: what was captured before goes after its days.
  const captureRepo = new CaptureRepo(store.db)
  const capture = config.capture.on
    ? new WebhookCapture(captureRepo, writes, (err) =>
        fastify.log.error({ err }, 'a captured webhook could not be stored'),
      )
    : null
  const cookieMode = config.session.cookieSecure
  // Sign-out and admin changes reach the open sockets they concern before the answer is sent.
  const sessionsChanged = async (owner: SessionOwner) => {
    await sockets.ownerChanged(owner)
    await cluster?.announce({ kind: 'sessions-changed', owner })
  }
  // What admins pick a user's scope from, and what it is checked against.
  const directory: DirectorySource = {
    agents: (namespace) => agents.list(namespace),
    skillNames: (namespace) => skillNames.get(namespace),
  }
  const dayCounts = new DayCounts(store.db)
  const replay = new FloorReplay({
    repo: new ReplayRepo(store.db, store.kind, config.serialResetMs),
    counts: dayCounts,
    settings,
    timeZone: config.timeZone,
    now,
    eventRetentionDays: config.eventRetentionDays,
  })
  const routes = [
    webhookRoutes({
      tokens: webhookTokens,
      now,
      ingest,
      gateway: floor,
      stats,
      quarantine,
      capture,
    }),
    quarantineRoutes({ quarantine, ingest, now }),
    healthRoutes({
      startedAt: now(),
      now,
      stats,
      agentCount: () => agents.count(),
      clientCount: () => floor.clientCount(),
      cstaHealth: () => csta?.health() ?? null,
      quarantine: (namespace) => quarantine.summary(namespace),
      store: () => storeProbe.status,
      cluster: () => cluster?.health() ?? null,
    }),
    authRoutes({
      auth,
      authConfig: deps.authConfig ?? { demo: false, demoAccounts: [] },
      cookieMode,
      now,
      signedOut: (sessionId) => {
        sockets.signedOut(sessionId)
        void cluster?.announce({ kind: 'signed-out', sessionId })
      },
    }),
    usersRoutes({ users, sessions, now, sessionsChanged, audit: auditAdmin, directory }),
    kiosksRoutes({ kiosks, now, sessionsChanged, audit: auditAdmin }),
    webhookTokensRoutes({ tokens: webhookTokens, now, audit: auditAdmin }),
    floorRoutes(floor, (req) => audienceOf(principalOf(req).scope), replay),
    actionsRoutes({ actions, audit, users, now, timeZone: config.timeZone }),
    outboundRoutes({ outbound, repo: outboundRepo, now, audit: auditAdmin }),
    recordsRoutes({ records, platform, peaks, timeZone: config.timeZone }),
    analysisRoutes({
      records,
      peaks,
      longSilenceSec: (namespace) => settings.get(namespace).recordings.longSilenceSec,
    }),
    settingsRoutes({ settings, calls, gateway: floor, now, audit: auditAdmin }),
    viewsRoutes(new ViewsRepo(store.db), now),
    skillNamesRoutes({ names: skillNames, now, audit: auditAdmin }),
    directoryRoutes(directory),
    preferencesRoutes(new PreferencesRepo(store.db), now),
    timelineRoutes({ agents, agentsRepo, calls: callsRepo, timeZone: config.timeZone, now }),
    figuresRoutes({ agents, calls }),
    dayStatsRoutes({ dayStats, agents, now }),
    spaRoutes(deps.distDir ?? path.resolve('dist')),
  ]
  for (const route of routes) void fastify.register(route)

  // The last prune, awaited before the store closes.
  let pruning: Promise<void> = Promise.resolve()
  const prune = (): Promise<void> => {
    // Once in a cluster: by the process holding the lease.
    if (cluster && !cluster.isLeader) return pruning
    pruning = (async () => {
      const stores = {
        sqlite: store.sqlite,
        // In a write batch: no event of the batch refers to a profile the prune removes.
        agentEvents: {
          prune: async (before: number) => {
            let pruned = 0
            await writes.write(async (trx) => {
              pruned = await agentsRepo.prune(trx, before)
            })
            return pruned
          },
        },
        calls: callsRepo,
        recordings,
        peaks,
        sessions,
        audit,
      }
      // Webhook bodies kept for admins and for diagnostics go before the others, so the file
      // upkeep after them gives back their pages too.
      try {
        const webhookBodies = {
          quarantined: await quarantine.prune(now() - config.quarantine.days * DAY_MS),
          captured: await captureRepo.prune(now() - config.capture.days * DAY_MS),
        }
        const pruned = {
          ...(await pruneExpired(stores, retentionOf(config), now())),
          ...webhookBodies,
          // The floor can be replayed as far back as events are kept: its checkpoints too.
          floorCheckpoints: await dayCounts.prune(now() - config.eventRetentionDays * DAY_MS),
        }
        if (Object.values(pruned).some((n) => n > 0))
          fastify.log.info({ pruned }, 'removed stored records past their retention')
        // Profiles no event refers to any more may be gone: the other processes look them up again.
        if (pruned.agentEvents > 0)
          await cluster?.announce({ kind: 'reload', what: 'agent-lookups', namespace: null })
      } catch (err) {
        fastify.log.error({ err }, 'pruning stored records failed')
      }
    })()
    return pruning
  }
  // At start, once what the relay restores is read, and before it answers (as it always has).
  fastify.addHook('onReady', prune)

  // The floor replay's checkpoints of the day's calls, kept by one process: at start the
  // retention window's missing ones (in the background), then each as it falls due.
  let checkpointing: Promise<void> = Promise.resolve()
  const checkpoint = (): void => {
    if (cluster && !cluster.isLeader) return
    checkpointing = checkpointing
      .then(() => replay.fillCheckpoints(agents.namespaces()))
      .then(
        () => undefined,
        (err: unknown) => fastify.log.warn({ err }, 'counting the day for the floor replay failed'),
      )
  }
  fastify.addHook('onReady', (done) => {
    checkpoint()
    done()
  })
  if (cluster) {
    listenToCluster(cluster)
    fastify.addHook('onReady', () => cluster.follow())
  }

  /** What the other processes of the cluster tell this one, and what this one tells them. */
  function listenToCluster(c: Cluster): void {
    throttle.onFailure = (f) => void c.announce({ kind: 'sign-in-failed', ...f })
    settings.onChange = (namespace) => c.announce({ kind: 'reload', what: 'settings', namespace })
    skillNames.onChange = (namespace) =>
      c.announce({ kind: 'reload', what: 'skill-names', namespace })
    webhookTokens.onChange = (namespace) =>
      c.announce({ kind: 'reload', what: 'webhook-tokens', namespace })
    c.on({
      webhook: async (m) => {
        const outcome = await ingestHere(m.body, m.namespace, m.receivedAt, { store: false })
        if (outcome.status === 200) floor.noteEvent(m.namespace, m.receivedAt)
      },
      'call-back': (m) => {
        agents.callNumber(m.namespace, m.callId, m.customerPhone)
        calls.callingBack(m.namespace, m.customerPhone, m.callId, m.username, m.at)
      },
      'sign-in-failed': (m) => throttle.failedElsewhere(m),
      'sessions-changed': (m) => sockets.ownerChanged(m.owner),
      'signed-out': (m) => sockets.signedOut(m.sessionId),
      presence: (m) => {
        if (presenceStore instanceof SharedPresenceStore) presenceStore.applyElsewhere(m)
      },
      'presence-shown': (m) => presenceGateway.changed(m.namespace, m.presence),
      reload: async (m) => {
        if (m.what === 'settings' && m.namespace) {
          const changed = await settings.reload(m.namespace)
          calls.reload(m.namespace)
          floor.figuresChanged(m.namespace)
          floor.settingsChanged(m.namespace, changed)
        } else if (m.what === 'skill-names' && m.namespace) {
          await skillNames.reload(m.namespace)
        } else if (m.what === 'webhook-tokens') {
          await webhookTokens.reload()
        } else if (m.what === 'agent-lookups') {
          agentsRepo.forget()
        }
      },
      // Another process could not pass on all it accepted: the floor and the day's calls are
      // read again from the store.
      resync: () => reconcile(0),
    })
  }

  /**
   * Shows what the store holds and this process missed: events and calls another process stored
   * and could not pass on (killed between its commit and its announcement, or Redis away longer
   * than its outbox). Calls received since `from` (epoch ms) are looked for.
   */
  async function reconcile(from: number): Promise<void> {
    const changed = await agents.reconcile()
    const found = await calls.reconcile(now(), from)
    if (changed.length > 0 || found.length > 0)
      fastify.log.info(
        { agents: changed.length, calls: found.length },
        'the store held events another relay process had not passed on',
      )
  }
  // Each pass looks back over two periods: a call committed just before the last pass ran is
  // found by this one.
  let reconciling: Promise<void> | null = null
  const reconcileTimer = cluster
    ? setInterval(() => {
        if (reconciling) return
        reconciling = reconcile(now() - 2 * cluster.settings.reconcileMs)
          .catch((err: unknown) =>
            fastify.log.warn({ err }, 'the floor could not be compared with the store'),
          )
          .finally(() => {
            reconciling = null
          })
      }, cluster.settings.reconcileMs)
    : null
  const timers = [
    setInterval(() => void prune(), PRUNE_EVERY_MS),
    setInterval(revalidateNow, REVALIDATE_EVERY_MS),
    setInterval(checkpoint, CHECKPOINT_CHECK_MS),
  ]

  fastify.addHook('preClose', (done) => {
    // Open websockets would keep the HTTP server from closing.
    io.local.disconnectSockets(true)
    done()
  })
  fastify.addHook('onClose', async () => {
    await pruning
    await checkpointing
    await writes.flush()
    await webhookTokens.flush()
    prefetcher?.stop()
    timers.forEach(clearInterval)
    if (reconcileTimer) clearInterval(reconcileTimer)
    await reconciling
    storeProbe.stop()
    floor.close()
    presenceGateway.close()
    await io.close()
    await cluster?.stop()
  })

  return {
    fastify,
    io,
    gateway: floor,
    calls,
    presence: presenceGateway,
    revalidateSockets,
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

function retentionOf(config: RelayConfig): RetentionSettings {
  return {
    eventDays: config.eventRetentionDays,
    callDays: config.callRetentionDays,
    recordingCacheDays: config.recordingCacheDays,
    auditDays: config.auditRetentionDays,
    sessionIdleMs: config.session.idleMs,
    timeZone: config.timeZone,
  }
}

/** The platform's CSTA service, when every setting it needs is there. */
function cstaClientOf(config: RelayConfig, now: () => number): CstaClient | null {
  const p = config.platform
  if (!p.cstaUrl || !p.cstaLoginUrl || !p.cstaUsername || !p.cstaPassword) return null
  return new CstaClient({
    baseUrl: p.cstaUrl,
    loginUrl: p.cstaLoginUrl,
    username: p.cstaUsername,
    password: p.cstaPassword,
    namespace: config.namespace,
    timeoutMs: p.timeoutMs,
    sessionMaxAgeMs: p.cstaSessionMaxAgeMs,
    now,
  })
}
