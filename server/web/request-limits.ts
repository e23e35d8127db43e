import { createHash } from 'node:crypto'
import type {} from '@fastify/cookie'
import type { RateLimitPluginOptions } from '@fastify/rate-limit'
import type { FastifyRequest } from 'fastify'
import { SESSION_COOKIE } from '@/shared/auth'
import { HttpError } from '../lib/http-error'

/** Largest REST body, bytes: every body the console's API takes is a small JSON object. */
export const API_BODY_LIMIT = 64 * 1024
/** Requests one client (a session, or an address without one) may make a minute to /api. */
export const API_REQUESTS_PER_MIN = 600
/** `GET /api/floor` builds a whole snapshot: a script may ask this often a minute. */
export const SNAPSHOTS_PER_MIN = 60
/**
 * `GET /api/floor?at=` reads the store (every agent's event of that moment, the day's calls up
 * to it): heavier than the live snapshot, so fewer a minute, counted apart from the live ones.
 */
export const PAST_FLOORS_PER_MIN = 30
/** `GET /api/floor/moments` reads a whole stretch of events and calls: as often as a past floor. */
export const MOMENT_LISTS_PER_MIN = 30

const MINUTE_MS = 60_000
// Clients tracked at most (least recently seen are forgotten first).
const MAX_CLIENTS = 10_000

/**
 * Options of @fastify/rate-limit: what one client may cost the REST API: a rate per session (or per address before sign-in),
 * and a tighter one on routes that say `config.rateLimit`. The webhook and the app's files are
 * left out: the platform sends as fast as its floor changes, and files are cached.
 */
export const REQUEST_LIMITS: RateLimitPluginOptions = {
  global: true,
  max: API_REQUESTS_PER_MIN,
  timeWindow: MINUTE_MS,
  cache: MAX_CLIENTS,
  allowList: (req) => !req.url.startsWith('/api/'),
  keyGenerator: clientKey,
  // Thrown by the plugin, answered by the root error handler.
  errorResponseBuilder: (_req, ctx) => {
    const retryAfterSec = Math.ceil(ctx.ttl / 1000)
    return new HttpError(
      429,
      'rate_limited',
      `too many requests: at most ${ctx.max} a minute; try again in ${retryAfterSec} s`,
      { retryAfterSec },
    )
  },
}

/** A session's requests count together wherever they come from; others count by address. */
function clientKey(req: FastifyRequest): string {
  const token = req.cookies[SESSION_COOKIE]
  if (token) return `s:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}`
  return `a:${req.ip}`
}

/** Per-route config for the snapshot route. */
export const SNAPSHOT_RATE = { max: SNAPSHOTS_PER_MIN, timeWindow: MINUTE_MS } as const

/** Whether a floor request asks for a past moment (`?at=`). */
function asksPast(req: FastifyRequest): boolean {
  const q = req.query as Record<string, unknown> | undefined
  return q?.at !== undefined
}

/**
 * Per-route config for `GET /api/floor`: the live snapshot at SNAPSHOTS_PER_MIN, a past floor at
 * PAST_FLOORS_PER_MIN, each counted on its own.
 */
export const FLOOR_RATE = {
  max: (req: FastifyRequest) => (asksPast(req) ? PAST_FLOORS_PER_MIN : SNAPSHOTS_PER_MIN),
  keyGenerator: (req: FastifyRequest) => `${clientKey(req)}${asksPast(req) ? '|past' : ''}`,
  timeWindow: MINUTE_MS,
} as const

/** Per-route config for `GET /api/floor/moments`. */
export const MOMENTS_RATE = { max: MOMENT_LISTS_PER_MIN, timeWindow: MINUTE_MS } as const
