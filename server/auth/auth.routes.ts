import type { FastifyInstance } from 'fastify'
import { type AuthConfig, loginBodySchema, SESSION_COOKIE } from '@/shared/auth'
import { clearSessionCookies, cookieOptions, principalOf, setSessionCookies } from './auth.hooks'
import { type AuthService, meOf } from './auth.service'
import { hashToken } from './sessions.repo'
import { HttpError } from '../lib/http-error'
import { parseWith } from '../lib/validate'

export interface AuthRoutesDeps {
  auth: AuthService
  authConfig: AuthConfig
  cookieMode: 'auto' | 'always' | 'never'
  now: () => number
  /** Ends the open sockets of a session that signed out (by session id, the token's hash). */
  signedOut: (sessionId: string) => void
}

/** Sign-in, sign-out, who am I, and wall-screen links being opened. */
export function authRoutes(deps: AuthRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/auth/config', { config: { public: true } }, () => deps.authConfig)

    app.post('/api/auth/login', { config: { public: true } }, async (req, reply) => {
      const body = parseWith(loginBodySchema, req.body)
      const result = await deps.auth.login(
        body.username,
        body.password,
        req.ip,
        req.headers['user-agent'] ?? null,
      )
      if (!result.ok) {
        if (result.reason === 'throttled') {
          const minutes = Math.ceil(result.retryAfterSec / 60)
          throw new HttpError(
            429,
            'throttled',
            `too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
            { reason: result.reason, retryAfterSec: result.retryAfterSec },
            { 'retry-after': String(result.retryAfterSec) },
          )
        }
        throw new HttpError(
          401,
          'unauthenticated',
          result.reason === 'disabled'
            ? 'this account has been disabled'
            : 'wrong user name or password',
          { reason: result.reason },
        )
      }
      setSessionCookies(
        reply,
        result.token,
        result.csrf,
        result.expiresAt,
        cookieOptions(req, deps.cookieMode),
        deps.now(),
      )
      return reply.code(204).send()
    })

    app.post('/api/auth/logout', { config: { kiosk: true } }, async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE]
      await deps.auth.logout(token)
      if (token) deps.signedOut(hashToken(token))
      clearSessionCookies(reply, cookieOptions(req, deps.cookieMode))
      return reply.code(204).send()
    })

    app.get('/api/me', { config: { kiosk: true } }, (req) => meOf(principalOf(req)))

    // A wall-screen link: opening it signs the screen in, read-only, and shows the wall.
    app.get<{ Params: { token: string } }>(
      '/k/:token',
      { config: { public: true } },
      async (req, reply) => {
        const opened = await deps.auth.openKiosk(
          req.params.token,
          req.ip,
          req.headers['user-agent'] ?? null,
        )
        if (!opened) return reply.redirect('/login?kiosk=invalid')
        setSessionCookies(
          reply,
          opened.token,
          opened.csrf,
          opened.expiresAt,
          cookieOptions(req, deps.cookieMode),
          deps.now(),
        )
        return reply.header('cache-control', 'no-store').redirect('/wall')
      },
    )
  }
}
