import { timingSafeEqual } from 'node:crypto'
import type {} from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can, CSRF_COOKIE, CSRF_HEADER, type Permission, SESSION_COOKIE } from '@/shared/auth'
import type { AuthRefusal } from '@/shared/session'
import { forbidden, HttpError } from '../lib/http-error'
import { AUTH_FAILURE_MESSAGES, type AuthService, type Principal } from './auth.service'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; set for every route that is not public. */
    principal: Principal | null
  }
  interface FastifyContextConfig {
    /**
     * Reachable without a session: `true` (sign-in, the sign-in page's settings, the webhook
     * with its own token, the app's files), or a test of the request (the app's fallback page).
     * Without it a route needs a session, whatever its path.
     */
    public?: PublicRule
    /** The power the route needs; without it, 403. */
    permission?: Permission
    /** Wall-screen sessions may use this route (they are read-only and see only the floor). */
    kiosk?: boolean
  }
}

/** A route's `config.public`: always, or for the requests this test accepts. */
export type PublicRule = boolean | ((req: FastifyRequest) => boolean)

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const PERMISSION_WORDS: Record<Permission, string> = {
  watch: 'watch the floor',
  browseCalls: 'browse call records',
  act: 'act on agents',
  hearRecordings: 'play or download recordings',
  saveViews: 'save views',
  manageUsers: 'manage users and wall-screen links',
  viewAudit: 'read the audit log',
  configure: 'change thresholds and targets',
  callOut: 'call customers, launch outbound calls or upload call lists',
}

/**
 * Deny by default: every route needs a session unless its own `config.public` says otherwise,
 * decided on the route the router matched (on the canonical path, see `normalizeRequestUrl`),
 * never on the URL's spelling; a request no route matches needs one too. A route's
 * `config.permission` is checked against the role; every mutation must carry the CSRF header
 * equal to the csrf cookie and to the session's own token (double submit, bound to the session).
 */
export function installAuthHooks(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null)

  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config
    if (isPublic(config.public, req)) return
    const result = await auth.authenticate(req.cookies[SESSION_COOKIE])
    if (typeof result === 'string') throw unauthenticated(result)
    req.principal = result
    if (result.kind === 'kiosk' && !config.kiosk) {
      throw forbidden('a wall-screen link only shows the floor')
    }
    if (config.permission && !can(result.role, config.permission)) {
      throw forbidden(`your role (${result.role}) may not ${PERMISSION_WORDS[config.permission]}`)
    }
    if (!SAFE_METHODS.has(req.method) && !csrfMatches(req, result)) {
      throw new HttpError(
        403,
        'csrf',
        `missing or wrong ${CSRF_HEADER} header: send the value of the ${CSRF_COOKIE} cookie`,
      )
    }
  })
}

function csrfMatches(req: FastifyRequest, p: Principal): boolean {
  const header = req.headers[CSRF_HEADER]
  const cookie = req.cookies[CSRF_COOKIE]
  if (typeof header !== 'string' || !cookie) return false
  return same(header, cookie) && same(header, p.csrf)
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function isPublic(declared: PublicRule | undefined, req: FastifyRequest): boolean {
  return typeof declared === 'function' ? declared(req) : declared === true
}

/**
 * The signed-in principal of a route that requires one (the hook has already refused the rest).
 * A public route that asks anyway is answered as a request without a session: 401, not a 500.
 */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated('no_session')
  return req.principal
}

/** 401 for a request whose session is missing or over, saying why. */
function unauthenticated(reason: AuthRefusal): HttpError {
  return new HttpError(401, 'unauthenticated', AUTH_FAILURE_MESSAGES[reason], { reason })
}

export interface CookieOptions {
  /** Send cookies only over HTTPS. */
  secure: boolean
}

/** Sets the session and CSRF cookies after sign-in or opening a wall-screen link. */
export function setSessionCookies(
  reply: FastifyReply,
  token: string,
  csrf: string,
  expiresAt: number,
  opts: CookieOptions,
  now: number,
): void {
  const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000))
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    maxAge,
  })
  // Readable by the SPA, which echoes it in the CSRF header; a page of another site can neither read nor send it.
  reply.setCookie(CSRF_COOKIE, csrf, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: opts.secure,
    maxAge,
  })
}

export function clearSessionCookies(reply: FastifyReply, opts: CookieOptions): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
  })
  reply.clearCookie(CSRF_COOKIE, { path: '/', sameSite: 'strict', secure: opts.secure })
}

/** Secure cookies when the request came over HTTPS (directly or through a proxy), or when forced. */
export function cookieOptions(
  req: FastifyRequest,
  mode: 'auto' | 'always' | 'never',
): CookieOptions {
  return { secure: mode === 'always' || (mode === 'auto' && req.protocol === 'https') }
}
