import type { Me, Role, Scope } from '@/shared/auth'
import type { AuthRefusal } from '@/shared/session'
import { randomSecret } from '../lib/secrets'
import type { KnownAddressesRepo } from './known-addresses.repo'
import type { KioskLink, KiosksRepo } from './kiosks.repo'
import { addressKey, type LoginThrottle } from './login-throttle'
import { decoyHash, verifyPassword } from './passwords'
import { hashToken, type SessionsRepo } from './sessions.repo'
import type { User, UsersRepo } from './users.repo'

/** A signed-in user or an opened wall-screen link, as every route and socket sees it. */
export interface Principal extends Me {
  /** Hash of the session token (the session's id in the database). */
  sessionId: string
  csrf: string
}

export interface SessionPolicy {
  /** A user's session ends after this long without a request or a connected screen. */
  idleMs: number
  /** A user's session ends this long after sign-in, whatever happens. */
  absoluteMs: number
  /** A wall screen's session lasts this long; it never idles out. */
  kioskMs: number
}

export type LoginResult =
  | { ok: true; token: string; csrf: string; user: User; expiresAt: number }
  | { ok: false; reason: 'bad_credentials' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSec: number }

// A session's last-seen time is written at most this often, ms.
const TOUCH_EVERY_MS = 60_000

export class AuthService {
  constructor(
    private readonly users: UsersRepo,
    private readonly sessions: SessionsRepo,
    private readonly kiosks: KiosksRepo,
    private readonly throttle: LoginThrottle,
    private readonly knownAddresses: KnownAddressesRepo,
    readonly policy: SessionPolicy,
    private readonly now: () => number,
  ) {}

  /**
   * Checks a password, throttled: the attempt is counted before the (slow) check starts, so
   * parallel guesses are refused as soon as the free ones are taken, and from an address the
   * user signed in from before it is counted on its own (see `LoginThrottle`).
   */
  async login(
    username: string,
    password: string,
    ip: string,
    userAgent: string | null,
  ): Promise<LoginResult> {
    const found = await this.users.credentials(username)
    const address = addressKey(ip)
    const known =
      found !== null && (await this.knownAddresses.isKnown(found.user.id, address, this.now()))
    const admission = this.throttle.admit(username, address, known)
    if (!admission.ok)
      return { ok: false, reason: 'throttled', retryAfterSec: admission.retryAfterSec }
    const { attempt } = admission
    let matches = false
    try {
      matches = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()))
    } finally {
      if (found && matches) attempt.succeeded()
      else attempt.failed()
    }
    if (!found || !matches) return { ok: false, reason: 'bad_credentials' }
    if (found.user.disabled) return { ok: false, reason: 'disabled' }
    const now = this.now()
    await this.knownAddresses.remember(found.user.id, address, now)
    const token = randomSecret(32)
    const csrf = randomSecret(24)
    const expiresAt = now + this.policy.absoluteMs
    await this.sessions.create({
      token,
      userId: found.user.id,
      kioskId: null,
      csrf,
      now,
      expiresAt,
      ip,
      userAgent,
    })
    return { ok: true, token, csrf, user: found.user, expiresAt }
  }

  /** Opens a wall-screen link: a read-only session scoped to the link's view. */
  async openKiosk(
    linkToken: string,
    address: string,
    userAgent: string | null,
  ): Promise<{ token: string; csrf: string; link: KioskLink; expiresAt: number } | null> {
    const link = await this.kiosks.byToken(linkToken)
    if (!link || link.revokedAt !== null) return null
    const now = this.now()
    const token = randomSecret(32)
    const csrf = randomSecret(24)
    const expiresAt = now + this.policy.kioskMs
    await this.sessions.create({
      token,
      userId: null,
      kioskId: link.id,
      csrf,
      now,
      expiresAt,
      ip: address,
      userAgent,
    })
    await this.kiosks.markUsed(link.id, now)
    return { token, csrf, link, expiresAt }
  }

  /**
   * The principal behind a session token, or why there is none. Keeps the session alive. Runs
   * on every request and socket: one read (the session with its user or link); a write only
   * when the session ends or has not been touched for a minute.
   */
  authenticate(token: string | undefined): Promise<Principal | AuthRefusal> {
    return token ? this.authenticateSession(hashToken(token)) : Promise.resolve('no_session')
  }

  /** `authenticate` by the session's id (the token's hash), e.g. a dropped socket's. */
  async authenticateSession(sessionId: string): Promise<Principal | AuthRefusal> {
    const found = await this.sessions.findByIdWithOwner(sessionId)
    if (!found) return 'no_session'
    const s = found.session
    const now = this.now()
    const idle = s.kiosk_id === null && now - s.last_seen_at > this.policy.idleMs
    if (now > s.expires_at || idle) {
      await this.sessions.delete(s.id)
      return 'expired'
    }
    let principal: Principal
    if (s.user_id !== null) {
      const user = found.user
      if (!user) return 'no_session'
      if (user.disabled) {
        await this.sessions.delete(s.id)
        return 'disabled'
      }
      principal = userPrincipal(user, s.id, s.csrf)
    } else {
      const link = found.kiosk
      if (!link || link.revokedAt !== null) {
        await this.sessions.delete(s.id)
        return 'revoked'
      }
      if (now - (link.lastUsedAt ?? 0) > TOUCH_EVERY_MS) await this.kiosks.markUsed(link.id, now)
      principal = kioskPrincipal(link, s.id, s.csrf)
    }
    if (now - s.last_seen_at > TOUCH_EVERY_MS) await this.sessions.touch(s.id, now)
    return principal
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete(hashToken(token))
  }
}

export function userPrincipal(user: User, sessionId: string, csrf: string): Principal {
  return {
    kind: 'user',
    id: user.id,
    username: user.username,
    role: user.role,
    scope: user.scope,
    deviceId: user.deviceId,
    phoneNumber: user.phoneNumber,
    sessionId,
    csrf,
  }
}

function kioskPrincipal(link: KioskLink, sessionId: string, csrf: string): Principal {
  const role: Role = 'viewer'
  const scope: Scope = link.scope
  return {
    kind: 'kiosk',
    id: link.id,
    username: link.name,
    role,
    scope,
    deviceId: null,
    phoneNumber: null,
    sessionId,
    csrf,
  }
}

/** What `GET /api/me` shows of a principal: never the session id or the CSRF token. */
export function meOf(p: Principal): Me {
  return {
    kind: p.kind,
    id: p.id,
    username: p.username,
    role: p.role,
    scope: p.scope,
    deviceId: p.deviceId,
    phoneNumber: p.phoneNumber,
  }
}

export const AUTH_FAILURE_MESSAGES: Record<AuthRefusal, string> = {
  no_session: 'sign in first',
  expired: 'your session has expired: sign in again',
  disabled: 'this account has been disabled',
  revoked: 'this wall-screen link has been revoked',
}
