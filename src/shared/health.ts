import { z } from 'zod'
import { quarantineSummarySchema } from './webhook-quarantine'

/**
 * `GET /api/health/details` (admins): what the relay has received since it started. Loose:
 * the relay may report more than a page shows.
 */
export const healthDetailsSchema = z.looseObject({
  status: z.string(),
  uptimeSec: z.number(),
  /** Agents on every tenant's floor. */
  agents: z.number(),
  /** Screens connected. */
  clients: z.number(),
  /** Webhook answers since start, by kind (server/webhooks/webhook-stats.ts). */
  webhooks: z.looseObject({
    applied: z.number(),
    stale: z.number(),
    duplicate: z.number(),
    invalid: z.number(),
    unauthorized: z.number(),
    forbidden: z.number(),
    tooLarge: z.number(),
    /** Unknown event names, acknowledged with 202, by name. */
    ignored: z.record(z.string(), z.number()),
  }),
  /** The admin's tenant's quarantine. */
  quarantine: quarantineSummarySchema,
})
export type HealthDetails = z.output<typeof healthDetailsSchema>
