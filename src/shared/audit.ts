import * as z from 'zod/mini'
import { AUDIT_OPS, AUDIT_OUTCOMES } from './actions'

/*
 * The audit log as `GET /api/audit` answers it. Apart from ./actions, which the floor's first
 * bundle carries, since only the admin pages parse it.
 */

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.number(),
  username: z.string(),
  /** The agent acted on; for an admin change, what was changed. */
  agentId: z.string(),
  /** The agent's extension at the time. */
  deviceId: z.nullable(z.string()),
  callId: z.nullable(z.string()),
  op: z.enum(AUDIT_OPS),
  reason: z.nullable(z.string()),
  /** The supervisor's own extension or number the action used. */
  supervisorDevice: z.nullable(z.string()),
  outcome: z.enum(AUDIT_OUTCOMES),
  /** Status the console answered. */
  status: z.number(),
  upstreamStatus: z.nullable(z.number()),
  message: z.nullable(z.string()),
  latencyMs: z.nullable(z.number()),
})
/** One line of the audit log. */
export type AuditEntry = z.output<typeof auditEntrySchema>

export const auditPageSchema = z.object({
  total: z.number(),
  entries: z.array(auditEntrySchema),
})
/** One page of the audit log, and how many entries match in all. */
export type AuditPage = z.output<typeof auditPageSchema>
