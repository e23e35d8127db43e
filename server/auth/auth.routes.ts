import type { FastifyInstance } from 'fastify'
import { type AuthConfig, loginBodySchema, SESSION_COOKIE } from '@/shared/auth'
import { describeIssues } from '@/shared/validation'
import { clearSessionCookies, cookieOptions, principalOf, setSessionCookies } from './auth.hooks'
import { type AuthService, meOf } from './auth.service'
import { hashToken } from './sessions.repo'

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
      const body = loginBodySchema.safeParse(req.body)
      if (!body.success) {
        return reply.code(400).send({ error: 'invalid_request', message: describeIssues(body.error) })
      }
      const result = await deps.auth.login(body.data.username, body.data.password, req.ip, req.headers['user-agent'] ?? null)
      if (!result.ok) {
        if (result.reason === 'throttled') {
          const minutes = Math.ceil(result.retryAfterSec / 60)
          return reply
            .code(429)
            .header('retry-after', String(result.retryAfterSec))
            .send({
              error: 'throttled',
              reason: 'throttled',
              retryAfterSec: result.retryAfterSec,
              message: `too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
            })
        }
        return reply.code(401).send({
          error: 'unauthenticated',
          reason: result.reason,
          message: result.reason === 'disabled' ? 'this account has been disabled' : 'wrong user name or password',
        })
      }
      setSessionCookies(reply, result.token, result.csrf, result.expiresAt, cookieOptions(req, deps.cookieMode), deps.now())
      return reply.code(204).send()
    })

    app.post('/api/auth/logout', { config: { kiosk: true } }, async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE]
      deps.auth.logout(token)
      if (token) deps.signedOut(hashToken(token))
      clearSessionCookies(reply, cookieOptions(req, deps.cookieMode))
      return reply.code(204).send()
    })

    app.get('/api/me', { config: { kiosk: true } }, (req) => meOf(principalOf(req)))

    // A wall-screen link: opening it signs the screen in, read-only, and shows the wall.
    app.get<{ Params: { token: string } }>('/k/:token', { config: { public: true } }, async (req, reply) => {
      const opened = deps.auth.openKiosk(req.params.token, req.ip, req.headers['user-agent'] ?? null)
      if (!opened) return reply.redirect('/login?kiosk=invalid')
      setSessionCookies(reply, opened.token, opened.csrf, opened.expiresAt, cookieOptions(req, deps.cookieMode), deps.now())
      return reply.header('cache-control', 'no-store').redirect('/wall')
    })
  }
}
