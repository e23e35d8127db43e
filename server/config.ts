import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_PLATFORM_TZ } from '@/shared/platform-time'
import { FLUSH_MS } from '@/shared/events'

const port = z.coerce.number().int().min(0).max(65_535)
const optUrl = z.url().optional()
const seconds = z.coerce.number().nonnegative()

/**
 * The relay's settings, from the environment (names fixed by the platform contract, §1).
 * Every value is checked at start: a wrong one stops the relay with a message naming it.
 */
const envSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().default('0.0.0.0'),
  WEBHOOK_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SIMULATOR: z.enum(['on', 'off']).optional(),
  WELLCLOUD_BASE_URL: optUrl,
  WELLCLOUD_APP_ID: z.string().optional(),
  WELLCLOUD_APP_SECRET: z.string().optional(),
  WELLCLOUD_API_KEY: z.string().optional(),
  WELLCLOUD_CSTA_URL: optUrl,
  WELLCLOUD_CSTA_LOGIN_URL: optUrl,
  WELLCLOUD_CSTA_USERNAME: z.string().optional(),
  WELLCLOUD_CSTA_PASSWORD: z.string().optional(),
  WELLCLOUD_NAMESPACE: z.string().min(1).optional(),
  /** How the app credentials are posted to /accesstoken/apply. */
  WELLCLOUD_TOKEN_ENCODING: z.enum(['json', 'form']).default('json'),
  /** A request to the platform gives up after this long. */
  WELLCLOUD_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  PLATFORM_TZ: z
    .string()
    .default(DEFAULT_PLATFORM_TZ)
    .refine(isTimeZone, 'is not a time zone such as Asia/Shanghai'),
  DATA_DIR: z.string().default('./data'),
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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

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
  webhookToken: string
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
    tokenEncoding: 'json' | 'form'
    timeoutMs: number
  }
  /** The tenant's domain, e.g. `test.cc`. */
  namespace: string
  timeZone: string
  dataDir: string
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
  logLevel: string
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
  return {
    port: e.PORT,
    host: e.HOST,
    webhookToken: e.WEBHOOK_TOKEN,
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
      tokenEncoding: e.WELLCLOUD_TOKEN_ENCODING,
      timeoutMs: e.WELLCLOUD_TIMEOUT_MS,
    },
    namespace: e.WELLCLOUD_NAMESPACE ?? 'test.cc',
    timeZone: e.PLATFORM_TZ,
    dataDir: path.resolve(e.DATA_DIR),
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
    logLevel: e.LOG_LEVEL,
  }
}
