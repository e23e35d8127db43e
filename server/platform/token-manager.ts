import { z } from 'zod'
import { fetchWithinOrigin } from './upstream-fetch'

export interface TokenManagerOptions {
  /** WELLCLOUD_BASE_URL. */
  baseUrl: string
  appId: string
  appSecret: string
  apiKey: string
  /** How the credentials are posted: JSON (default) or a form. */
  encoding: 'json' | 'form'
  timeoutMs: number
  fetch?: typeof fetch
  now?: () => number
}

export class TokenError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message)
  }
}

// The platform's document gives the token a day; without an expiry in the answer, assume that.
const DEFAULT_LIFETIME_SEC = 24 * 60 * 60
// A token is renewed this long before it runs out (at most a tenth of its life).
const RENEW_MARGIN_MS = 5 * 60 * 1000

const TOKEN_KEYS = ['accessToken', 'access_token', 'token', 'wellcloud_token'] as const
const EXPIRY_KEYS = ['expiresIn', 'expires_in'] as const

/**
 * The token answer's shape is not documented: read the first of the usual token names at the
 * top level or under `data`, and an expiry in seconds when there is one.
 */
const tokenAnswer = z.looseObject({}).transform((raw, ctx) => {
  const layers = [
    raw,
    typeof raw.data === 'object' && raw.data !== null ? (raw.data as Record<string, unknown>) : {},
  ]
  const token = layers
    .flatMap((l) => TOKEN_KEYS.map((k) => l[k]))
    .find((v): v is string => typeof v === 'string' && v !== '')
  if (!token) {
    ctx.addIssue({ code: 'custom', message: `no token (looked for ${TOKEN_KEYS.join(', ')})` })
    return z.NEVER
  }
  const expiry = layers
    .flatMap((l) => EXPIRY_KEYS.map((k) => Number(l[k])))
    .find((n) => Number.isFinite(n) && n > 0)
  return { token, lifetimeSec: expiry ?? DEFAULT_LIFETIME_SEC }
})

/**
 * The platform's access token (`POST /accesstoken/apply`): cached until shortly before it runs
 * out, fetched by one request however many callers wait, renewed when the platform refuses it.
 * The token never leaves the relay: it is not logged and not sent to browsers. A redirect to
 * another host is refused (RedirectRefused), so neither the credentials nor the token go there.
 */
export class TokenManager {
  private token: { value: string; renewAt: number } | null = null
  private fetching: Promise<string> | null = null
  private readonly fetch: typeof fetch
  private readonly now: () => number
  /** How many times a token was fetched (for tests and health). */
  fetches = 0

  constructor(private readonly o: TokenManagerOptions) {
    this.fetch = o.fetch ?? fetch
    this.now = o.now ?? Date.now
  }

  get(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return Promise.resolve(this.token.value)
    this.fetching ??= this.apply().finally(() => {
      this.fetching = null
    })
    return this.fetching
  }

  /**
   * The platform refused `value` (HTTP 401, or errorCode 401 in its answer): forget it, unless
   * a newer one already replaced it. Callers refused together then wait for one new token.
   */
  invalidate(value: string): void {
    if (this.token?.value === value) this.token = null
  }

  private async apply(): Promise<string> {
    const missing = (['baseUrl', 'appId', 'appSecret', 'apiKey'] as const).filter((k) => !this.o[k])
    if (missing.length > 0)
      throw new TokenError(`not configured (${missing.join(', ')} missing)`, null)
    this.fetches += 1
    const credentials = { appId: this.o.appId, appSecret: this.o.appSecret, apiKey: this.o.apiKey }
    // Redirects stay within the gateway's origin: a 307 elsewhere would carry the app secret.
    const url = `${this.o.baseUrl.replace(/\/+$/, '')}/accesstoken/apply`
    const res = await fetchWithinOrigin(this.fetch, url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type':
          this.o.encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
      },
      body:
        this.o.encoding === 'form' ? new URLSearchParams(credentials) : JSON.stringify(credentials),
      signal: AbortSignal.timeout(this.o.timeoutMs),
    })
    if (!res.ok)
      throw new TokenError(`the platform refused the app credentials (${res.status})`, res.status)
    const parsed = tokenAnswer.safeParse(await res.json().catch(() => null))
    if (!parsed.success)
      throw new TokenError(
        `the token answer had ${parsed.error.issues[0]?.message ?? 'no token'}`,
        res.status,
      )
    const lifetimeMs = parsed.data.lifetimeSec * 1000
    const margin = Math.min(RENEW_MARGIN_MS, lifetimeMs / 10)
    this.token = { value: parsed.data.token, renewAt: this.now() + lifetimeMs - margin }
    return parsed.data.token
  }
}
