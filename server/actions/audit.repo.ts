import { sql } from 'kysely'
import type { auditQuerySchema } from '@/shared/actions'
import type { AuditEntry, AuditPage } from '@/shared/audit'
import type { z } from 'zod'
import { changed, type Sql } from '../db/store'

export type NewAuditEntry = Omit<AuditEntry, 'id'> & { userId: number | null; namespace: string }
type AuditFilter = z.output<typeof auditQuerySchema>

interface AuditRow {
  id: number
  at: number
  username: string
  agent_id: string
  device_id: string | null
  call_id: string | null
  op: AuditEntry['op']
  reason: string | null
  supervisor_device: string | null
  outcome: AuditEntry['outcome']
  status: number
  upstream_status: number | null
  message: string | null
  latency_ms: number | null
}

/** The audit log of supervisor actions: written before the action's answer returns, never edited. */
export class AuditRepo {
  constructor(private readonly db: Sql) {}

  async insert(e: NewAuditEntry): Promise<number> {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO audit_log (at, user_id, username, namespace, agent_id, device_id, call_id, op,
        reason, supervisor_device, outcome, status, upstream_status, message, latency_ms)
      VALUES (${e.at}, ${e.userId}, ${e.username}, ${e.namespace}, ${e.agentId}, ${e.deviceId},
        ${e.callId}, ${e.op}, ${e.reason}, ${e.supervisorDevice}, ${e.outcome}, ${e.status},
        ${e.upstreamStatus}, ${e.message}, ${e.latencyMs})
      RETURNING id`.execute(this.db)
    return Number(rows[0]!.id)
  }

  /** Deletes entries older than `before` (epoch ms); returns how many. */
  async prune(before: number): Promise<number> {
    return changed(await sql`DELETE FROM audit_log WHERE at < ${before}`.execute(this.db))
  }

  /** Entries of one tenant, newest first, with the total that match the filter. */
  async query(namespace: string, f: AuditFilter): Promise<AuditPage> {
    const where = [sql`namespace = ${namespace}`]
    if (f.from !== undefined) where.push(sql`at >= ${f.from}`)
    if (f.to !== undefined) where.push(sql`at < ${f.to}`)
    if (f.username) where.push(sql`username = ${f.username}`)
    // Part of an agent's id, in any case (the page's search box): wildcards typed are dropped.
    if (f.agentId)
      where.push(sql`lower(agent_id) LIKE lower(${`%${f.agentId.replace(/[%_]/g, '')}%`})`)
    if (f.op) where.push(sql`op = ${f.op}`)
    if (f.outcome) where.push(sql`outcome = ${f.outcome}`)
    const clause = sql.join(where, sql` AND `)
    const counted = await sql<{ n: number }>`
      SELECT COUNT(*) AS n FROM audit_log WHERE ${clause}`.execute(this.db)
    const { rows } = await sql<AuditRow>`
      SELECT * FROM audit_log WHERE ${clause}
      ORDER BY at DESC, id DESC LIMIT ${f.limit} OFFSET ${f.offset}`.execute(this.db)
    return { total: Number(counted.rows[0]?.n ?? 0), entries: rows.map(toEntry) }
  }
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: Number(r.id),
    at: Number(r.at),
    username: r.username,
    agentId: r.agent_id,
    deviceId: r.device_id,
    callId: r.call_id,
    op: r.op,
    reason: r.reason,
    supervisorDevice: r.supervisor_device,
    outcome: r.outcome,
    status: r.status,
    upstreamStatus: r.upstream_status,
    message: r.message,
    latencyMs: r.latency_ms,
  }
}
