import { z } from 'zod'
import {
  fetchWithinOrigin,
  type RedirectProblem,
  RedirectRefused,
} from '../platform/upstream-fetch'
import type { CstaRequest } from './csta-requests'

export interface CstaClientOptions {
  /** WELLCLOUD_CSTA_URL. */
  baseUrl: string
  /** WELLCLOUD_CSTA_LOGIN_URL, the full TPI login URL. */
  loginUrl: string
  username: string
  password: string
  /** The tenant's domain, sent with the login. */
  namespace: string
  /** Each HTTP request gives up after this long, ms. */
  timeoutMs?: number
  fetch?: typeof fetch
  now?: () => number
}

/** How a force operation went, as far as the relay can tell. */
export type CstaOutcome =
  | { kind: 'answered'; status: number; text: string; latencyMs: number }
  | { kind: 'login_failed'; status: number; latencyMs: number }
  | { kind: 'timeout'; latencyMs: number }
  | { kind: 'unreachable'; detail: string; latencyMs: number }
  /** A redirect the relay would not follow: nothing (no session, no password) went there. */
  | { kind: 'redirected'; problem: RedirectProblem; target: string | null; latencyMs: number }

const DEFAULT_TIMEOUT_MS = 8_000

// The TPI login answers the session id at the top level or, on some deployments, under `data`.
const loginAnswer = z.union([
  z.looseObject({ sessionId: z.string().min(1) }).transform((a) => a.sessionId),
  z
    .looseObject({ data: z.looseObject({ sessionId: z.string().min(1) }) })
    .transform((a) => a.data.sessionId),
])

class LoginFailed extends Error {
  constructor(readonly status: number) {
    super(`TPI login answered ${status}`)
  }
}

/**
 * The relay's client of the platform's CSTA service. It signs in with the service account,
 * sends the `sessionId` header, signs in again once when the platform answers 401 and retries
 * once, and never lets two sign-ins race: callers waiting at the same time share one.
 * Redirects are followed only within the configured origin (of the CSTA base for calls, of
 * the login URL for the login), so the session id and the password never reach another host.
 */
export class CstaClient {
  private session: string | null = null
  private loggingIn: Promise<string> | null = null
  private readonly fetch: typeof fetch
  private readonly timeoutMs: number
  private readonly now: () => number

  constructor(private readonly o: CstaClientOptions) {
    this.fetch = o.fetch ?? fetch
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.now = o.now ?? Date.now
  }

  async send(req: CstaRequest): Promise<CstaOutcome> {
    const started = this.now()
    const latencyMs = () => this.now() - started
    try {
      let session = await this.ensureSession()
      let res = await this.request(req, session)
      if (res.status === 401) {
        session = await this.renew(session)
        res = await this.request(req, session)
      }
      return {
        kind: 'answered',
        status: res.status,
        text: await res.text(),
        latencyMs: latencyMs(),
      }
    } catch (err) {
      if (err instanceof LoginFailed)
        return { kind: 'login_failed', status: err.status, latencyMs: latencyMs() }
      if (err instanceof RedirectRefused)
        return {
          kind: 'redirected',
          problem: err.problem,
          target: err.target,
          latencyMs: latencyMs(),
        }
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        return { kind: 'timeout', latencyMs: latencyMs() }
      }
      return {
        kind: 'unreachable',
        detail: err instanceof Error ? err.message : String(err),
        latencyMs: latencyMs(),
      }
    }
  }

  private request(req: CstaRequest, session: string): Promise<Response> {
    // Appended, not resolved: a base URL with a path prefix keeps it.
    return fetchWithinOrigin(this.fetch, `${this.o.baseUrl.replace(/\/+$/, '')}${req.path}`, {
      method: req.method,
      headers: {
        sessionId: session,
        'content-type': 'application/json; charset=UTF-8',
        accept: 'application/json',
      },
      ...(req.body ? { body: JSON.stringify(req.body) } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    })
  }

  private ensureSession(): Promise<string> {
    if (this.session) return Promise.resolve(this.session)
    this.loggingIn ??= this.login().finally(() => {
      this.loggingIn = null
    })
    return this.loggingIn
  }

  /** A new session after `failed` was refused; if another caller already renewed it, theirs. */
  private renew(failed: string): Promise<string> {
    if (this.session !== null && this.session !== failed) return Promise.resolve(this.session)
    if (this.session === failed) this.session = null
    return this.ensureSession()
  }

  private async login(): Promise<string> {
    const res = await fetchWithinOrigin(this.fetch, this.o.loginUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        username: this.o.username,
        password: this.o.password,
        namespace: this.o.namespace,
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    })
    if (!res.ok) throw new LoginFailed(res.status)
    const parsed = loginAnswer.safeParse(await res.json().catch(() => null))
    if (!parsed.success) throw new LoginFailed(502)
    this.session = parsed.data
    return parsed.data
  }
}
