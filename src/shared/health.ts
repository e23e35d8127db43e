import * as z from 'zod/mini'
import { quarantineSummarySchema } from './webhook-quarantine'

/**
 * What went wrong on the relay's link to the platform's call-control (CSTA) service:
 * - `session_refused`: a CSTA call answered 401 or 426 (the session or its access token is
 *   gone); the relay logged in again and retried once (`retried`: the retry was refused too);
 * - `login_failed`: the TPI login refused the service account or gave no `sessionId`;
 * - `server_error`: a CSTA call answered 5xx;
 * - `timeout`, `unreachable`, `redirected` (a redirect the relay would not follow).
 */
export const CSTA_LINK_ERRORS = [
  'session_refused',
  'login_failed',
  'server_error',
  'timeout',
  'unreachable',
  'redirected',
] as const
export type CstaLinkErrorKind = (typeof CSTA_LINK_ERRORS)[number]

/** The call-control link as `GET /api/health/details` shows it; times are epoch ms. */
export const cstaHealthSchema = z.object({
  /** The service account's session: none yet, live, or due for a new login before the next call. */
  session: z.enum(['none', 'live', 'renew_due']),
  /** The last successful TPI login. */
  lastLoginAt: z.nullable(z.number()),
  /** TPI logins since the relay started (each renewal counts). */
  logins: z.number(),
  /**
   * When the session will be renewed ahead of its lifetime (before the next call after this
   * time); null when there is no session or no age limit is set.
   */
  renewAt: z.nullable(z.number()),
  /** The latest CSTA call the platform answered, and its HTTP status. */
  lastCall: z.nullable(z.object({ at: z.number(), status: z.number() })),
  lastError: z.nullable(
    z.object({
      at: z.number(),
      kind: z.enum(CSTA_LINK_ERRORS),
      /** The platform's HTTP status, when it answered. */
      status: z.nullable(z.number()),
      /** For `session_refused`: the call was refused again after the new login. */
      retried: z.boolean(),
      /** Technical detail (English), e.g. the network error. */
      detail: z.nullable(z.string()),
    }),
  ),
})
export type CstaHealth = z.output<typeof cstaHealthSchema>

/**
 * `GET /api/health/details` (admins): what the relay has received since it started, its link
 * to the platform's call control, and the admin's tenant's webhook quarantine.
 */
export const healthDetailsSchema = z.object({
  status: z.literal('ok'),
  uptimeSec: z.number(),
  /** Agents the relay holds, every tenant. */
  agents: z.number(),
  /** Connected browsers and wall screens. */
  clients: z.number(),
  /** Webhook answers since start, by kind (server/webhooks/webhook-stats.ts). */
  webhooks: z.object({
    applied: z.number(),
    stale: z.number(),
    duplicate: z.number(),
    /** Unknown event names, acknowledged with 202, by name. */
    ignored: z.record(z.string(), z.number()),
    invalid: z.number(),
    unauthorized: z.number(),
    forbidden: z.number(),
    tooLarge: z.number(),
  }),
  /** Null when the CSTA service is not configured (supervisor actions are off). */
  csta: z.nullable(cstaHealthSchema),
  /** The admin's tenant's quarantine: webhook bodies that could not be applied. */
  quarantine: quarantineSummarySchema,
  /** Whether the store (the embedded file or PostgreSQL) answers. */
  store: z.enum(['up', 'down']),
  /** This process's part in a cluster (REDIS_URL); null: a single process. */
  cluster: z.nullable(
    z.object({
      nodeId: z.string(),
      redis: z.enum(['up', 'down']),
      /** Messages accepted here and not yet passed to the other processes (Redis away). */
      unsent: z.number(),
      /** This process runs the work that must run once (pruning, waveforms ahead). */
      leader: z.boolean(),
    }),
  ),
})
export type HealthDetails = z.output<typeof healthDetailsSchema>
