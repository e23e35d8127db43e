import type { FastifyInstance } from 'fastify'
import type { ExpiringKeys } from './expiring-keys'

export interface ExpiryRoutesDeps {
  /** Access tokens (`/accesstoken/apply`). */
  tokens: ExpiringKeys
  /** TPI sessions (the CSTA login). */
  sessions: ExpiringKeys
}

/**
 * The simulator's own API for lifetimes, for tests: how many tokens and sessions were issued
 * (each TPI login and token application counts), and ending every live one now, as a platform
 * restart or a revocation would, so a test can expire them at once instead of waiting out a TTL.
 */
export function registerExpiryRoutes(app: FastifyInstance, deps: ExpiryRoutesDeps): void {
  app.get('/sim/keys', () => ({
    tokens: { issued: deps.tokens.issued },
    sessions: { issued: deps.sessions.issued },
  }))
  app.post('/sim/tokens/expire', () => ({ expired: deps.tokens.expireAll() }))
  app.post('/sim/csta/sessions/expire', () => ({ expired: deps.sessions.expireAll() }))
}
