import { parseArgs } from 'node:util'
import { z } from 'zod'
import { DEFAULT_PLATFORM_TZ } from '../../src/shared/platform-time'
import { canonicalSerial } from '../../src/shared/serial'
import { describeIssues } from '../../src/shared/validation'
import { LOAD_NAMES, LOAD_PROFILES, type LoadProfile } from './load-profile'

/**
 * Default arrival rates per agent on the roster. With the default timings an inbound call
 * costs an agent about 2.8 min; 0.22 inbound calls/min per agent plus a little manual
 * outbound keeps agents busy about 70 % of their logged-in time (about 78 % of the time
 * they are not on a break), with short queues and a few abandons, whatever `--agents` is.
 */
const INBOUND_PER_AGENT_PER_MIN = 0.22
const OUTBOUND_PER_AGENT_PER_MIN = 0.02

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max)
const positive = (max: number) => z.coerce.number().positive().max(max)

// ---------------------------------------------------------------------------------------------
// Variants of the real platform (issue: meet the real platform)
// Each flag plays one way the real platform may differ from the simulator's defaults, so the
// relay's tests can prove themselves against it. Without the flag: the demo's behaviour.

/** Variants of the real platform; each field's default keeps the simulator as it was. */
export interface SimVariants {
  /**
   * HTTP status (and errorCode) of a CSTA call whose session is gone: 401, or 426, which the
   * wellClient SDK's status table calls "get AccessToken failed" and answers with a new login.
   */
  sessionExpiryCode: 401 | 426
  /** agentStateEvent `channelAddr` without its domain (`8001`), as §7.3 leaves possible. */
  bareDevices: boolean
  /** A dead access token answers HTTP 200 `{"errorCode": 401, …}` instead of HTTP 401. */
  tokenErrorInBody: boolean
  // --- webhook formats, serials (issue 12 items 3 and 4) ---
  /** How event times are written (§7.3 gives no format): see EventTimeFormat. */
  timeFormat: EventTimeFormat
  /** First serial, decimal digits (null: the start time in epoch ms, or BIG_SERIAL_START). */
  serialStart: string | null
  /** The serial counter starts again every this many wall seconds (a fail-over); null: never. */
  serialRestartAfterSec: number | null
  /** Serials start above 2^53, sent as bare JSON number literals. */
  bigSerials: boolean
  /** callEnd and agentStateEvent fields in the loose shapes a Java platform may send. */
  looseShapes: boolean
  // Recordings and CDR limits (seed 003 §4.3, §4.5: the seed gives no numbers for either).
  /** Recordings of calls that started more than this many days ago have no WAV; null: all do. */
  wavDays: number | null
  /** 14001 for a query range longer than this many days; null: no limit. */
  cdrMaxSpanDays: number | null
  /** How the CDR store is split: a database per platform-local month, or one for all. */
  cdrDatabases: 'month' | 'none'
  /** What 14015 says: `named` the time to split at, `plain` only the seed's words. */
  cdrSplitMessage: 'named' | 'plain'
  /**
   * agentStateEvents carry the customer's number of the current call (`customerNumber`), as
   * some platform versions add. Off: as seed 003 §7.3, which has no caller field.
   */
  callerInEvent: boolean
}

/**
 * Event time formats: `dot` 2018.06.12 11:33:56.368 (the seed's, the default), `dash`
 * 2018-06-12 11:33:56, `iso` 2018-06-12T11:33:56.368+08:00, `epoch` ms as a JSON number,
 * `epoch-string` ms as a string of digits.
 */
export const EVENT_TIME_FORMATS = ['dot', 'dash', 'iso', 'epoch', 'epoch-string'] as const
export type EventTimeFormat = (typeof EVENT_TIME_FORMATS)[number]

/** First serial of `--big-serials`: 2^53 + 1, the first integer a JavaScript number cannot hold. */
export const BIG_SERIAL_START = '9007199254740993'

const serialFlag = z
  .string()
  .transform((v, ctx) => {
    const s = canonicalSerial(v)
    if (s === null) {
      ctx.addIssue({ code: 'custom', message: 'expected digits up to 18446744073709551615' })
      return z.NEVER
    }
    return s
  })
  .optional()

const variantFlags = {
  'session-expiry-code': z.enum(['401', '426']).default('401'),
  'bare-devices': z.boolean().default(false),
  'token-error-in-body': z.boolean().default(false),
  'time-format': z.enum(EVENT_TIME_FORMATS).default('dot'),
  'serial-start': serialFlag,
  'serial-restart-after-sec': int(1, 31 * 86_400).optional(),
  'big-serials': z.boolean().default(false),
  'loose-shapes': z.boolean().default(false),
  // Recordings and CDR limits
  'wav-days': int(0, 36_500).optional(),
  'cdr-max-span-days': int(1, 36_500).optional(),
  'cdr-databases': z.enum(['month', 'none']).default('month'),
  'cdr-split-message': z.enum(['named', 'plain']).default('named'),
  'caller-in-event': z.boolean().default(false),
  variants: z.enum(['all']).optional(),
}
const VARIANT_STRING_FLAGS = [
  'session-expiry-code',
  'time-format',
  'serial-start',
  'serial-restart-after-sec',
  'wav-days',
  'cdr-max-span-days',
  'cdr-databases',
  'cdr-split-message',
  'variants',
] as const
const VARIANT_BOOLEAN_FLAGS = [
  'bare-devices',
  'token-error-in-body',
  'big-serials',
  'loose-shapes',
  'caller-in-event',
] as const

/** What `--variants all` turns on; a flag given as well wins. */
const ALL_VARIANTS: Record<string, string | boolean> = {
  'session-expiry-code': '426',
  'bare-devices': true,
  'token-error-in-body': true,
  'time-format': 'iso',
  'big-serials': true,
  'loose-shapes': true,
  'serial-restart-after-sec': '300',
  'wav-days': '7',
  'cdr-split-message': 'plain',
  'caller-in-event': true,
}

const VARIANT_USAGE = `
Variants of the real platform (default: as the demo):
  --session-expiry-code 401|426  status of a CSTA call with a dead session, default 401
  --bare-devices          agentStateEvent channelAddr without its domain (8001)
  --token-error-in-body   a dead access token answers HTTP 200 {"errorCode":401,…}
  --time-format <f>       event times: dot (2018.06.12 11:33:56.368, default), dash
                          (2018-06-12 11:33:56), iso (…T11:33:56.368+08:00), epoch (ms as
                          a number), epoch-string (ms as a string)
  --serial-start <n>      first serial, up to 20 digits; default the start time in epoch ms
  --serial-restart-after-sec <s>  the serial counter starts again (from --serial-start, or 1)
                          every s wall seconds, as after a platform fail-over
  --big-serials           serials from 2^53 + 1 (${BIG_SERIAL_START}), as bare JSON numbers
  --loose-shapes          callEnd resultCode "", conferenced "0", userData as JSON text,
                          segments missing fields; lastStateLength as HH:mm:ss
  --wav-days <n>          recordings older than n days have no WAV (14013); MP3 only
  --cdr-max-span-days <n> 14001 for a CDR query longer than n days, default no limit
  --cdr-databases month|none  CDRs in a database per month (14015 across two), default month
  --cdr-split-message named|plain  14015 names the time to split at, or not; default named
  --caller-in-event       agentStateEvents carry the call's customerNumber (not in the seed)
  --variants all          every variant above at once (time format iso, serial restart
                          every 300 s, WAV for 7 days, plain 14015,
                          caller in events); a flag given as well wins`

/** The raw flags with `--variants all` filled in where a flag was not given. */
function withAllVariants(
  values: Record<string, string | boolean | undefined>,
): Record<string, string | boolean | undefined> {
  if (values.variants !== 'all') return values
  const filled = { ...values }
  for (const [flag, value] of Object.entries(ALL_VARIANTS)) filled[flag] ??= value
  return filled
}

function variantsOf(f: z.output<z.ZodObject<typeof variantFlags>>): SimVariants {
  return {
    sessionExpiryCode: f['session-expiry-code'] === '426' ? 426 : 401,
    bareDevices: f['bare-devices'],
    tokenErrorInBody: f['token-error-in-body'],
    timeFormat: f['time-format'],
    serialStart: f['serial-start'] ?? null,
    serialRestartAfterSec: f['serial-restart-after-sec'] ?? null,
    bigSerials: f['big-serials'],
    looseShapes: f['loose-shapes'],
    wavDays: f['wav-days'] ?? null,
    cdrMaxSpanDays: f['cdr-max-span-days'] ?? null,
    cdrDatabases: f['cdr-databases'],
    cdrSplitMessage: f['cdr-split-message'],
    callerInEvent: f['caller-in-event'],
  }
}
// ---------------------------------------------------------------------------------------------

const flagsSchema = z.object({
  webhook: z.url({
    protocol: /^https?$/,
    error: 'expected an http(s) URL such as http://127.0.0.1:8080/webhooks/wellcloud?token=abc',
  }),
  agents: int(1, 5_000).default(60),
  skills: int(1, 50).default(4),
  rate: z.coerce.number().min(0).max(100_000).optional(),
  'outbound-rate': z.coerce.number().min(0).max(100_000).optional(),
  load: z.enum(LOAD_NAMES).default('day'),
  speed: positive(10_000).default(1),
  'retry-unit-ms': int(1, 3_600_000).default(60_000),
  namespace: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'expected a domain such as test.cc')
    .default('test.cc'),
  tz: z
    .string()
    .refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai')
    .default(DEFAULT_PLATFORM_TZ),
  seed: int(0, 2 ** 32 - 1).optional(),
  port: int(0, 65_535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  // The platform's credentials; the demo launcher gives the relay the same defaults.
  'csta-username': z.string().min(1).default('supervisor-service'),
  'csta-password': z.string().min(1).default('demo-password'),
  // 0: a session is dead as soon as it is issued (every call refused, even after a new login).
  'csta-session-ttl-sec': int(0, 31 * 86_400).default(1_800),
  'app-id': z.string().min(1).default('demo-app'),
  'app-secret': z.string().min(1).default('demo-secret'),
  'api-key': z.string().min(1).default('demo-key'),
  'token-ttl-sec': int(1, 31 * 86_400).default(86_400),
  'audio-cache-mb': int(0, 100_000).default(200),
  // The tenant id (租户id) instant auto-outbound requests must name (seed 003 §5.1).
  'tenant-id': z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'expected letters, digits, _ . or -, at most 64')
    .default('demo-tenant'),
  'cms-down': z.boolean().default(false),
  ...variantFlags,
})

export interface SimConfig {
  /** Full webhook URL, token included. */
  webhookUrl: string
  agents: number
  skills: number
  /** Inbound arrivals across the floor, calls per simulated minute. */
  inboundPerMin: number
  /** Manual outbound calls across the floor, calls per simulated minute. */
  outboundPerMin: number
  /** How the inbound rate moves over simulated time (`--load`). */
  load: LoadProfile
  /** Simulated ms per wall ms. */
  speed: number
  /** The platform's retry "minute", in simulated ms. */
  retryUnitMs: number
  namespace: string
  timeZone: string
  /** Absent: a random seed is drawn (and logged). */
  seed: number | undefined
  port: number
  host: string
  /** The service account of the TPI login (force operations). */
  cstaUsername: string
  cstaPassword: string
  /** A TPI session lives this long after its login, wall seconds. */
  cstaSessionTtlSec: number
  /** Credentials of `/accesstoken/apply`. */
  appId: string
  appSecret: string
  apiKey: string
  /** An access token lives this long, wall seconds. */
  tokenTtlSec: number
  /** Memory for generated recordings (WAV and MP3), bytes. */
  audioCacheBytes: number
  /** The tenant id instant auto-outbound requests must name. */
  tenantId: string
  /** The double-call service starts with no cms instance: every double call is 12008. */
  cmsDown: boolean
  /** Ways the real platform may differ, played on request (all off by default). */
  variants: SimVariants
}

export const USAGE = `Usage: node --import tsx server/simulator/main.ts --webhook <url> [flags]
  --webhook <url>         webhook URL with ?token=… (env SIM_WEBHOOK_URL), required
  --agents <n>            agents, default 60
  --skills <n>            skill groups, default 4
  --rate <calls/min>      inbound arrivals across the floor, default 0.22 × agents
  --outbound-rate <c/min> manual outbound calls, default 0.02 × agents
  --load flat|day|busy    how inbound moves over time, default day (a working day's shape
                          every 30 simulated minutes, with a peak the floor cannot keep up with)
  --speed <factor>        time compression, default 1
  --retry-unit-ms <ms>    length of the callEnd retry "minute", default 60000
  --namespace <domain>    tenant domain, default test.cc
  --tz <zone>             platform time zone (env PLATFORM_TZ), default Asia/Shanghai
  --seed <n>              deterministic randomness
  --port <n>              port of the simulator's own API, default 0 (any free port)
  --host <addr>           default 127.0.0.1
  --csta-username <name>  TPI login of force operations, default supervisor-service
  --csta-password <pw>    default demo-password
  --csta-session-ttl-sec <s>  TPI session lifetime (wall time), default 1800; 0: dead at once
  --app-id <id>           access token credentials, default demo-app
  --app-secret <secret>   default demo-secret
  --api-key <key>         default demo-key
  --token-ttl-sec <s>     access token lifetime (wall time), default 86400
  --audio-cache-mb <MB>   memory for generated recordings, default 200
  --tenant-id <id>        tenant id instant outbound calls must name, default demo-tenant
  --cms-down              double calls answer 12008 (no cms instance) until POST /sim/cms
                          {"up": true}${VARIANT_USAGE}`

export type ConfigResult =
  { ok: true; config: SimConfig } | { ok: false; help: boolean; error: string }

const STRING_FLAGS = [
  'webhook',
  'agents',
  'skills',
  'rate',
  'outbound-rate',
  'load',
  'speed',
  'retry-unit-ms',
  'namespace',
  'tz',
  'seed',
  'port',
  'host',
  'csta-username',
  'csta-password',
  'csta-session-ttl-sec',
  'app-id',
  'app-secret',
  'api-key',
  'token-ttl-sec',
  'audio-cache-mb',
  'tenant-id',
  ...VARIANT_STRING_FLAGS,
] as const
const BOOLEAN_FLAGS = ['cms-down', ...VARIANT_BOOLEAN_FLAGS] as const

/** Reads flags (and the env fallbacks), validating each; never throws. */
export function parseSimConfig(argv: string[], env: NodeJS.ProcessEnv): ConfigResult {
  let values: Record<string, string | boolean | undefined>
  try {
    const options = {
      ...Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' as const }])),
      ...Object.fromEntries(BOOLEAN_FLAGS.map((f) => [f, { type: 'boolean' as const }])),
    }
    values = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean' } },
      strict: true,
    }).values
  } catch (error) {
    return { ok: false, help: false, error: error instanceof Error ? error.message : String(error) }
  }
  if (values.help === true) return { ok: false, help: true, error: '' }
  const parsed = flagsSchema.safeParse({
    ...withAllVariants(values),
    webhook: values.webhook ?? env.SIM_WEBHOOK_URL,
    tz: values.tz ?? (env.PLATFORM_TZ || undefined),
  })
  if (!parsed.success) {
    const message = describeIssues(parsed.error).replace(/(^|; )(\w[\w-]*):/g, '$1--$2:')
    return { ok: false, help: false, error: message }
  }
  const f = parsed.data
  return {
    ok: true,
    config: {
      webhookUrl: f.webhook,
      agents: f.agents,
      skills: f.skills,
      inboundPerMin: f.rate ?? f.agents * INBOUND_PER_AGENT_PER_MIN,
      outboundPerMin: f['outbound-rate'] ?? f.agents * OUTBOUND_PER_AGENT_PER_MIN,
      load: LOAD_PROFILES[f.load],
      speed: f.speed,
      retryUnitMs: f['retry-unit-ms'],
      namespace: f.namespace,
      timeZone: f.tz,
      seed: f.seed,
      port: f.port,
      host: f.host,
      cstaUsername: f['csta-username'],
      cstaPassword: f['csta-password'],
      cstaSessionTtlSec: f['csta-session-ttl-sec'],
      appId: f['app-id'],
      appSecret: f['app-secret'],
      apiKey: f['api-key'],
      tokenTtlSec: f['token-ttl-sec'],
      audioCacheBytes: f['audio-cache-mb'] * 1_048_576,
      tenantId: f['tenant-id'],
      cmsDown: f['cms-down'],
      variants: variantsOf(f),
    },
  }
}
