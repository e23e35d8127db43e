import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { PREFIX_PATTERN } from '@/shared/outbound'
import { DEFAULT_PLATFORM_TZ } from '@/shared/platform-time'
import { FLUSH_MS } from '@/shared/events'

const port = z.coerce.number().int().min(0).max(65_535)
const optUrl = z.url().optional()
const seconds = z.coerce.number().nonnegative()

/** Whose `X-Forwarded-*` headers to believe: nobody's, the nearest N hops, or these proxies. */
export type TrustProxy = false | number | string[]

/**
 * TRUST_PROXY as Fastify takes it. A hop count becomes a function: Fastify would read a bare
 * number as "trust nobody". With N hops the nearest N addresses (the connection's own among
 * them) are taken for proxies, so a client that can reach the relay directly could pose as one.
 */
export function trustProxyOption(
  tp: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof tp === 'number' ? (_address, hop) => hop < tp : tp
}

// proxy-addr's names for address ranges, usable in TRUST_PROXY.
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true
  const [address = '', bits, ...rest] = entry.split('/')
  const family = net.isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

const trustProxy = z
  .string()
  .optional()
  .transform((value, ctx): TrustProxy => {
    const v = (value ?? '').trim()
    if (v === '' || v === 'off' || v === 'false' || v === '0') return false
    if (/^\d+$/.test(v)) return Number(v)
    if (v === 'true' || v === 'on' || v === '*') {
      ctx.addIssue({
        code: 'custom',
        message:
          'trusting every address would let any client choose its own address: ' +
          'list the proxy addresses or CIDR ranges (comma-separated), or give a hop count',
      })
      return z.NEVER
    }
    const entries = v.split(',').map((e) => e.trim())
    const wrong = entries.filter((e) => !isProxyAddress(e))
    if (wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          `${wrong.map((e) => JSON.stringify(e)).join(', ')} is not an address or range: ` +
          'list the proxy addresses or CIDR ranges (comma-separated), or give a hop count',
      })
      return z.NEVER
    }
    return entries
  })

/**
 * The relay's settings, from the environment (names fixed by the platform contract, §1).
 * Every value is checked at start: a wrong one stops the relay with a message naming it.
 */
const envSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** Proxies whose X-Forwarded-For/-Proto/-Host are believed; off: the connection's own address. */
  TRUST_PROXY: trustProxy,
  WEBHOOK_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Tokens of further tenants: `namespace=token` pairs, comma-separated. */
  WEBHOOK_TOKENS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const pairs = parseWebhookTokens(v ?? '')
      if (typeof pairs === 'string') {
        ctx.addIssue({ code: 'custom', message: pairs })
        return z.NEVER
      }
      return pairs
    }),
  SIMULATOR: z.enum(['on', 'off']).optional(),
  WELLCLOUD_BASE_URL: optUrl,
  WELLCLOUD_APP_ID: z.string().optional(),
  WELLCLOUD_APP_SECRET: z.string().optional(),
  WELLCLOUD_API_KEY: z.string().optional(),
  WELLCLOUD_CSTA_URL: optUrl,
  WELLCLOUD_CSTA_LOGIN_URL: optUrl,
  WELLCLOUD_CSTA_USERNAME: z.string().optional(),
  WELLCLOUD_CSTA_PASSWORD: z.string().optional(),
  /**
   * The CSTA session is replaced by a new login once this old, before the next action (the
   * platform states no lifetime); 0: only when the platform refuses it (401/426).
   */
  WELLCLOUD_CSTA_SESSION_MAX_SEC: z.coerce.number().int().min(0).default(1200),
  WELLCLOUD_NAMESPACE: z.string().min(1).optional(),
  /** How the app credentials are posted to /accesstoken/apply. */
  WELLCLOUD_TOKEN_ENCODING: z.enum(['json', 'form']).default('json'),
  /**
   * Outbound prefix (外呼前缀) of call backs until an admin sets the tenant's own: digits, `*`
   * or `#`, at most 10; empty: none.
   */
  WELLCLOUD_OUTBOUND_PREFIX: z
    .string()
    .trim()
    .regex(PREFIX_PATTERN, 'expected digits, * or # (at most 10), e.g. 9')
    .default(''),
  /** The tenant id (租户id) instant outbound calls are placed for, unless the request names one. */
  WELLCLOUD_TENANT_ID: z
    .string()
    .trim()
    .max(64, 'at most 64 characters')
    .regex(/^[\w.-]*$/, 'expected letters, digits, ".", "-" or "_"')
    .optional()
    .transform((v) => v || undefined),
  /** A request to the platform gives up after this long. */
  WELLCLOUD_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  PLATFORM_TZ: z
    .string()
    .default(DEFAULT_PLATFORM_TZ)
    .refine(isTimeZone, 'is not a time zone such as Asia/Shanghai'),
  DATA_DIR: z.string().default('./data'),
  /** postgres://… keeps everything in PostgreSQL instead of the embedded file under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine(
      (v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v),
      'expected postgres://user@host:port/database',
    ),
  /** redis://… turns on cluster mode: any number of relay processes serve one floor. */
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine(
      (v) => v === undefined || /^rediss?:\/\/[^\s]+$/.test(v),
      'expected redis://host:port (or rediss:// with TLS)',
    ),
  /** Every key the relay keeps in Redis starts with this: several consoles may share one Redis. */
  REDIS_PREFIX: z
    .string()
    .default('wellcloud:')
    .refine((v) => /^[\w:.-]{1,64}$/.test(v), 'expected up to 64 letters, digits or ":.-_"'),
  /** This process's name in the cluster (logs, health); default: host name and process id. */
  RELAY_NODE_ID: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine(
      (v) => v === undefined || /^[\w.-]{1,64}$/.test(v),
      'expected up to 64 letters, digits or ".-_"',
    ),
  /**
   * In a cluster, each process reads the floor and the day's new calls from the store this often
   * (seconds): what a process stored and could not pass on (killed between the two) shows here
   * within it.
   */
  CLUSTER_RECONCILE_SEC: z.coerce.number().int().min(1).max(300).default(5),
  /** Answered within this many seconds of queueing counts toward the service level. */
  SL_THRESHOLD_SEC: seconds.default(20),
  /** Abandoned within this many seconds is a short abandon, left out of the service level. */
  SHORT_ABANDON_SEC: seconds.default(0),
  /** Stored agent events older than this are pruned (each agent's latest is kept). */
  EVENT_RETENTION_DAYS: z.coerce.number().int().positive().default(14),
  /** Stored calls of platform days older than this are pruned. */
  CALL_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  /** Recordings listed and waveforms computed are forgotten this many days after last use. */
  RECORDING_CACHE_DAYS: z.coerce.number().int().positive().default(30),
  /** Audit log entries older than this are pruned. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  /** A user's session ends after this many minutes without activity (an open floor counts). */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(60),
  /** A user's session ends this many hours after sign-in. */
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** A wall screen opened from a kiosk link stays signed in this many days (opening the link again renews it). */
  KIOSK_SESSION_DAYS: z.coerce.number().positive().default(30),
  /** Secure cookies: `auto` when the request came over HTTPS (also through a proxy). */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Calls talked at least this long get their waveform computed as they end; -1: never. */
  PEAKS_PREFETCH_MIN_SEC: z.coerce.number().int().min(-1).default(600),
  /**
   * Changes to the floor are coalesced per agent and sent at most this often, ms. Shorter:
   * less delay, more messages to every screen.
   */
  FLOOR_FLUSH_MS: z.coerce.number().int().min(10).max(1000).default(FLUSH_MS),
  /**
   * `adaptive`: a change goes out at once while the relay and the screen keep up, and is
   * coalesced (up to FLOOR_FLUSH_MS) only while they are busy. `fixed`: one batch every
   * FLOOR_FLUSH_MS under steady traffic, as before (kept to compare).
   */
  FLOOR_FLUSH: z.enum(['adaptive', 'fixed']).default('adaptive'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Webhook bodies refused after the token check are kept this many days for replay. */
  WEBHOOK_QUARANTINE_DAYS: z.coerce.number().int().positive().default(30),
  /** Most refused bodies kept per tenant; past it the oldest go first (and are counted). */
  WEBHOOK_QUARANTINE_MAX_ENTRIES: z.coerce.number().int().min(1).default(1000),
  /** Most bytes of refused bodies kept per tenant, MB (at least one whole body of 1 MB). */
  WEBHOOK_QUARANTINE_MAX_MB: z.coerce.number().int().min(1).default(64),
  /** Field diagnostics: keep the raw body of every webhook that passed the token check. */
  WEBHOOK_CAPTURE: z.enum(['on', 'off']).default('off'),
  /** Captured webhook bodies are kept this many days. */
  WEBHOOK_CAPTURE_DAYS: z.coerce.number().positive().default(3),
  /**
   * Seconds between two states of an agent past which the later one wins whatever its serial:
   * the platform's serial counter may restart (a fail-over). Closer events keep serial order.
   */
  SERIAL_RESET_SEC: z.coerce.number().int().min(1).max(86_400).default(60),
})

/** A tenant's webhook token from the settings. */
export interface TenantToken {
  namespace: string
  token: string
}

const MIN_TOKEN_CHARS = 16
const MAX_NAMESPACE_CHARS = 256 // as MAX_ID_CHARS of the webhooks

/**
 * `a.cc=token1,b.cc=token2` → pairs, or what is wrong (never quoting a token). A tenant may
 * have several tokens (while its callback URL is changed); one token admits one tenant only.
 */
export function parseWebhookTokens(value: string): TenantToken[] | string {
  const pairs: TenantToken[] = []
  const owner = new Map<string, string>()
  const items = value.split(',').map((s) => s.trim())
  for (const [index, item] of items.entries()) {
    if (item === '') continue
    const eq = item.indexOf('=')
    const namespace = eq < 0 ? '' : item.slice(0, eq).trim()
    const token = eq < 0 ? '' : item.slice(eq + 1).trim()
    const where = `pair ${index + 1}`
    if (eq < 0 || namespace === '') {
      return `${where} is not namespace=token (expected e.g. other.cc=<token>,third.cc=<token>)`
    }
    if (namespace.length > MAX_NAMESPACE_CHARS || /[\s=]/.test(namespace)) {
      return `${where}: the namespace must be a domain such as other.cc`
    }
    if (token.length < MIN_TOKEN_CHARS) {
      return `${where} (${namespace}): the token must be at least ${MIN_TOKEN_CHARS} characters`
    }
    const other = owner.get(token)
    if (other !== undefined && other !== namespace) {
      return `${where} (${namespace}): the same token is given for ${other}; each tenant needs its own`
    }
    owner.set(token, namespace)
    pairs.push({ namespace, token })
  }
  return pairs
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export interface RelayConfig {
  port: number
  host: string
  /** Whose `X-Forwarded-*` headers decide the client's address and scheme (Fastify's `trustProxy`). */
  trustProxy: TrustProxy
  /** Admits webhook events for `namespace` only. */
  webhookToken: string
  /** Tokens of further tenants (WEBHOOK_TOKENS); admins mint more in the console. */
  webhookTokens: TenantToken[]
  /** Demo mode: the embedded simulator plays the platform. */
  demo: boolean
  platform: {
    baseUrl: string | null
    appId: string | null
    appSecret: string | null
    apiKey: string | null
    cstaUrl: string | null
    cstaLoginUrl: string | null
    cstaUsername: string | null
    cstaPassword: string | null
    /** A CSTA session this old is replaced before the next action, ms; 0: only when refused. */
    cstaSessionMaxAgeMs: number
    tokenEncoding: 'json' | 'form'
    timeoutMs: number
    /** Prefix of call backs until an admin sets the tenant's own (empty: none). */
    outboundPrefix: string
    /** Tenant id of instant outbound calls that name none; null: they must name it. */
    tenantId: string | null
  }
  /** The tenant's domain, e.g. `test.cc`. */
  namespace: string
  timeZone: string
  dataDir: string
  /** PostgreSQL instead of the embedded database; null: SQLite under dataDir. */
  databaseUrl: string | null
  /** Cluster mode (REDIS_URL): Redis between the processes; null: one process. */
  cluster: { redisUrl: string; prefix: string; nodeId: string; reconcileMs: number } | null
  slThresholdSec: number
  shortAbandonSec: number
  eventRetentionDays: number
  callRetentionDays: number
  recordingCacheDays: number
  auditRetentionDays: number
  session: {
    idleMs: number
    absoluteMs: number
    kioskMs: number
    cookieSecure: 'auto' | 'always' | 'never'
  }
  peaksPrefetchMinSec: number
  floorFlushMs: number
  /** How the flush window follows the load (FLOOR_FLUSH). */
  floorFlush: 'adaptive' | 'fixed'
  logLevel: string
  /** Webhook bodies refused after the token check: kept for admins to see and replay. */
  quarantine: { days: number; maxEntries: number; maxBytes: number }
  /** Field diagnostics: every admitted webhook's raw body, kept `days`; off by default. */
  capture: { on: boolean; days: number }
  /** A lower serial wins when its state began this much later than the tile's, ms. */
  serialResetMs: number
}

export class ConfigError extends Error {}

/** Reads and checks the environment; throws ConfigError saying what to fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const demo = e.SIMULATOR === 'on' || (e.SIMULATOR === undefined && !e.WELLCLOUD_BASE_URL)
  if (!e.WEBHOOK_TOKEN) {
    throw new ConfigError(
      'WEBHOOK_TOKEN is not set: choose a long random secret (for example `openssl rand -hex 24`), ' +
        'set it here and put it in the callback URL in the tenant console: ' +
        '/webhooks/wellcloud?token=<WEBHOOK_TOKEN>',
    )
  }
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid settings:\n  REDIS_URL: cluster mode needs DATABASE_URL too (PostgreSQL): every relay ' +
        'process must keep and read one store, which a file under DATA_DIR cannot be',
    )
  }
  const namespace = e.WELLCLOUD_NAMESPACE ?? 'test.cc'
  const shared = e.WEBHOOK_TOKENS.find(
    (p) => p.token === e.WEBHOOK_TOKEN && p.namespace !== namespace,
  )
  if (shared) {
    throw new ConfigError(
      `Invalid settings:\n  WEBHOOK_TOKENS: the token given for ${shared.namespace} is WEBHOOK_TOKEN, ` +
        `which admits ${namespace} (WELLCLOUD_NAMESPACE); each tenant needs its own`,
    )
  }
  return {
    port: e.PORT,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY,
    webhookToken: e.WEBHOOK_TOKEN,
    webhookTokens: e.WEBHOOK_TOKENS,
    demo,
    platform: {
      baseUrl: e.WELLCLOUD_BASE_URL ?? null,
      appId: e.WELLCLOUD_APP_ID ?? null,
      appSecret: e.WELLCLOUD_APP_SECRET ?? null,
      apiKey: e.WELLCLOUD_API_KEY ?? null,
      cstaUrl: e.WELLCLOUD_CSTA_URL ?? null,
      cstaLoginUrl: e.WELLCLOUD_CSTA_LOGIN_URL ?? null,
      cstaUsername: e.WELLCLOUD_CSTA_USERNAME ?? null,
      cstaPassword: e.WELLCLOUD_CSTA_PASSWORD ?? null,
      cstaSessionMaxAgeMs: e.WELLCLOUD_CSTA_SESSION_MAX_SEC * 1000,
      tokenEncoding: e.WELLCLOUD_TOKEN_ENCODING,
      timeoutMs: e.WELLCLOUD_TIMEOUT_MS,
      outboundPrefix: e.WELLCLOUD_OUTBOUND_PREFIX,
      tenantId: e.WELLCLOUD_TENANT_ID ?? null,
    },
    namespace,
    timeZone: e.PLATFORM_TZ,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    cluster: e.REDIS_URL
      ? {
          redisUrl: e.REDIS_URL,
          prefix: e.REDIS_PREFIX,
          nodeId: e.RELAY_NODE_ID ?? `${os.hostname()}-${process.pid}`,
          reconcileMs: e.CLUSTER_RECONCILE_SEC * 1000,
        }
      : null,
    slThresholdSec: e.SL_THRESHOLD_SEC,
    shortAbandonSec: e.SHORT_ABANDON_SEC,
    eventRetentionDays: e.EVENT_RETENTION_DAYS,
    callRetentionDays: e.CALL_RETENTION_DAYS,
    recordingCacheDays: e.RECORDING_CACHE_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_MAX_HOURS * 3_600_000,
      kioskMs: e.KIOSK_SESSION_DAYS * 86_400_000,
      cookieSecure: e.COOKIE_SECURE,
    },
    peaksPrefetchMinSec: e.PEAKS_PREFETCH_MIN_SEC,
    floorFlushMs: e.FLOOR_FLUSH_MS,
    floorFlush: e.FLOOR_FLUSH,
    logLevel: e.LOG_LEVEL,
    quarantine: {
      days: e.WEBHOOK_QUARANTINE_DAYS,
      maxEntries: e.WEBHOOK_QUARANTINE_MAX_ENTRIES,
      maxBytes: e.WEBHOOK_QUARANTINE_MAX_MB * 1024 * 1024,
    },
    capture: { on: e.WEBHOOK_CAPTURE === 'on', days: e.WEBHOOK_CAPTURE_DAYS },
    serialResetMs: e.SERIAL_RESET_SEC * 1000,
  }
}
