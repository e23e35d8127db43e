import type { auditQuerySchema } from '@/shared/actions'
import type { AuditEntry, AuditPage } from '@/shared/audit'
import type { z } from 'zod'
import type { Db } from '../db/database'

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
  private readonly insertStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO audit_log (at, user_id, username, namespace, agent_id, device_id, call_id, op, reason,
        supervisor_device, outcome, status, upstream_status, message, latency_ms)
      VALUES (@at, @userId, @username, @namespace, @agentId, @deviceId, @callId, @op, @reason,
        @supervisorDevice, @outcome, @status, @upstreamStatus, @message, @latencyMs)`)
  }

  insert(e: NewAuditEntry): number {
    return Number(this.insertStmt.run(e).lastInsertRowid)
  }

  /** Deletes entries older than `before` (epoch ms); returns how many. */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM audit_log WHERE at < ?').run(before).changes
  }

  /** Entries of one tenant, newest first, with the total that match the filter. */
  query(namespace: string, f: AuditFilter): AuditPage {
    const where = ['namespace = ?']
    const args: unknown[] = [namespace]
    const add = (sql: string, value: unknown) => {
      where.push(sql)
      args.push(value)
    }
    if (f.from !== undefined) add('at >= ?', f.from)
    if (f.to !== undefined) add('at < ?', f.to)
    if (f.username) add('username = ?', f.username)
    if (f.agentId) add('agent_id LIKE ?', `%${f.agentId.replace(/[%_]/g, '')}%`)
    if (f.op) add('op = ?', f.op)
    if (f.outcome) add('outcome = ?', f.outcome)
    const clause = where.join(' AND ')
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE ${clause}`).get(...args) as {
        n: number
      }
    ).n
    const rows = this.db
      .prepare(`SELECT * FROM audit_log WHERE ${clause} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...args, f.limit, f.offset) as AuditRow[]
    return { total, entries: rows.map(toEntry) }
  }
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
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
