import { z } from 'zod'
import {
  fetchWithinOrigin,
  type RedirectProblem,
  RedirectRefused,
} from '../platform/upstream-fetch'
import type { CstaHealth, CstaLinkErrorKind } from '@/shared/health'
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
  /**
   * A session this old is replaced by a new login before the next call, ms
   * (WELLCLOUD_CSTA_SESSION_MAX_SEC); 0: only when the platform refuses it.
   */
  sessionMaxAgeMs?: number
  fetch?: typeof fetch
  now?: () => number
}

/** How a force operation went, as far as the relay can tell. */
export type CstaOutcome =
  | { kind: 'answered'; status: number; text: string; latencyMs: number }
  /** `problem`: the account was refused (401/403), the login failed, or gave no sessionId. */
  | {
      kind: 'login_failed'
      status: number
      problem: 'refused' | 'failed' | 'no_session'
      latencyMs: number
    }
  | { kind: 'timeout'; latencyMs: number }
  | { kind: 'unreachable'; detail: string; latencyMs: number }
  /** A redirect the relay would not follow: nothing (no session, no password) went there. */
  | { kind: 'redirected'; problem: RedirectProblem; target: string | null; latencyMs: number }

/**
 * Answers of a CSTA call that mean "the session is gone, log in again": 401, and 426, which
 * the wellClient SDK's status table calls "get AccessToken failed" and answers with a new login.
 */
export const SESSION_GONE = new Set([401, 426])

const DEFAULT_TIMEOUT_MS = 8_000
// A lifetime the login answer gives is cut short by this much (at most a tenth of it), so a
// session is renewed before it lapses rather than as it does.
const RENEW_MARGIN_MS = 60_000

// The TPI login answers the session id at the top level or, on some deployments, under `data`;
// a lifetime in seconds (`expiresIn`/`expires_in`) is used when it comes along.
const sessionFields = z.looseObject({
  sessionId: z.string().min(1),
  expiresIn: z.coerce.number().positive().optional().catch(undefined),
  expires_in: z.coerce.number().positive().optional().catch(undefined),
})
const loginAnswer = z
  .union([sessionFields, z.looseObject({ data: sessionFields }).transform((a) => a.data)])
  .transform((a) => ({ sessionId: a.sessionId, lifetimeSec: a.expiresIn ?? a.expires_in ?? null }))

class LoginFailed extends Error {
  constructor(
    readonly status: number,
    readonly problem: 'refused' | 'failed' | 'no_session',
  ) {
    super(`TPI login answered ${status} (${problem})`)
  }
}

interface Session {
  id: string
  /** When the relay replaces it before the next call, epoch ms; null: only when refused. */
  renewAt: number | null
}

/**
 * The relay's client of the platform's CSTA service. It signs in with the service account,
 * sends the `sessionId` header, and when a call answers 401 or 426 signs in again once and
 * retries once; callers waiting at the same time share one sign-in, never two racing. A
 * session older than its known lifetime (the login answer's, or WELLCLOUD_CSTA_SESSION_MAX_SEC)
 * is replaced before the next call instead of failing it. What the link did last (login, call,
 * error, with times) is kept for the admins' health page.
 * Redirects are followed only within the configured origin (of the CSTA base for calls, of
 * the login URL for the login), so the session id and the password never reach another host.
 */
export class CstaClient {
  private session: Session | null = null
  private loggingIn: Promise<string> | null = null
  private readonly fetch: typeof fetch
  private readonly timeoutMs: number
  private readonly now: () => number
  private readonly link: Omit<CstaHealth, 'session' | 'renewAt'> = {
    lastLoginAt: null,
    logins: 0,
    lastCall: null,
    lastError: null,
  }

  constructor(private readonly o: CstaClientOptions) {
    this.fetch = o.fetch ?? fetch
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.now = o.now ?? Date.now
  }

  /** The link's state for `GET /api/health/details`. */
  health(): CstaHealth {
    const s = this.session
    return {
      session: s === null ? 'none' : this.due(s) ? 'renew_due' : 'live',
      renewAt: s?.renewAt ?? null,
      ...this.link,
    }
  }

  async send(req: CstaRequest): Promise<CstaOutcome> {
    const started = this.now()
    const latencyMs = () => this.now() - started
    try {
      let session = await this.ensureSession()
      let res = await this.request(req, session)
      if (SESSION_GONE.has(res.status)) {
        await res.body?.cancel()
        this.failed('session_refused', res.status, false)
        session = await this.renew(session)
        res = await this.request(req, session)
        if (SESSION_GONE.has(res.status)) this.failed('session_refused', res.status, true)
      }
      this.link.lastCall = { at: this.now(), status: res.status }
      if (res.status >= 500) this.failed('server_error', res.status, false)
      return {
        kind: 'answered',
        status: res.status,
        text: await res.text(),
        latencyMs: latencyMs(),
      }
    } catch (err) {
      if (err instanceof LoginFailed) {
        this.failed('login_failed', err.status, false, err.message)
        return {
          kind: 'login_failed',
          status: err.status,
          problem: err.problem,
          latencyMs: latencyMs(),
        }
      }
      if (err instanceof RedirectRefused) {
        this.failed('redirected', null, false, err.target)
        return {
          kind: 'redirected',
          problem: err.problem,
          target: err.target,
          latencyMs: latencyMs(),
        }
      }
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        this.failed('timeout', null, false)
        return { kind: 'timeout', latencyMs: latencyMs() }
      }
      const detail = err instanceof Error ? err.message : String(err)
      this.failed('unreachable', null, false, detail)
      return { kind: 'unreachable', detail, latencyMs: latencyMs() }
    }
  }

  private failed(
    kind: CstaLinkErrorKind,
    status: number | null,
    retried: boolean,
    detail: string | null = null,
  ): void {
    this.link.lastError = { at: this.now(), kind, status, retried, detail }
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

  private due(s: Session): boolean {
    return s.renewAt !== null && this.now() >= s.renewAt
  }

  private ensureSession(): Promise<string> {
    const s = this.session
    if (s && !this.due(s)) return Promise.resolve(s.id)
    // Past its known lifetime: log in again now rather than have the call refused.
    if (s) this.session = null
    this.loggingIn ??= this.login().finally(() => {
      this.loggingIn = null
    })
    return this.loggingIn
  }

  /** A new session after `failed` was refused; if another caller already renewed it, theirs. */
  private renew(failed: string): Promise<string> {
    if (this.session?.id === failed) this.session = null
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
    if (!res.ok) {
      await res.body?.cancel()
      throw new LoginFailed(
        res.status,
        res.status === 401 || res.status === 403 ? 'refused' : 'failed',
      )
    }
    const parsed = loginAnswer.safeParse(await res.json().catch(() => null))
    if (!parsed.success) throw new LoginFailed(res.status, 'no_session')
    const now = this.now()
    this.session = {
      id: parsed.data.sessionId,
      renewAt: this.renewAt(now, parsed.data.lifetimeSec),
    }
    this.link.lastLoginAt = now
    this.link.logins += 1
    return parsed.data.sessionId
  }

  /** The earlier of the login answer's lifetime (less a margin) and the configured age. */
  private renewAt(now: number, lifetimeSec: number | null): number | null {
    const limits: number[] = []
    if (this.o.sessionMaxAgeMs) limits.push(this.o.sessionMaxAgeMs)
    if (lifetimeSec !== null) {
      const lifetimeMs = lifetimeSec * 1000
      limits.push(lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 10))
    }
    return limits.length > 0 ? now + Math.min(...limits) : null
  }
}
