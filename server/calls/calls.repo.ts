import type { CallSummary } from '@/shared/floor'
import type { Db } from '../db/database'

/** Stored `callEnd` events, one row per (namespace, callId): the platform's retries collapse here. */
export class CallsRepo {
  private readonly insertStmt
  private readonly byDayStmt
  private readonly existsStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO calls (namespace, call_id, end_time, day, summary, payload, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (namespace, call_id) DO NOTHING`)
    this.existsStmt = db.prepare('SELECT 1 FROM calls WHERE namespace = ? AND call_id = ?')
    this.byDayStmt = db.prepare(
      'SELECT summary FROM calls WHERE day = ? ORDER BY end_time, received_at',
    )
  }

  /**
   * Stores a call once. `payload` is the event exactly as the platform sent it.
   * Returns false when this call was stored before (a retry).
   */
  insert(summary: CallSummary, day: string, payload: string, receivedAt: number): boolean {
    const info = this.insertStmt.run(
      summary.namespace,
      summary.callId,
      summary.endTime,
      day,
      JSON.stringify(summary),
      payload,
      receivedAt,
    )
    return info.changes > 0
  }

  exists(namespace: string, callId: string): boolean {
    return this.existsStmt.get(namespace, callId) !== undefined
  }

  /** A call the relay has seen end, or null. */
  get(namespace: string, callId: string): CallSummary | null {
    const row = this.db
      .prepare('SELECT summary FROM calls WHERE namespace = ? AND call_id = ?')
      .get(namespace, callId) as { summary: string } | undefined
    return row ? (JSON.parse(row.summary) as CallSummary) : null
  }

  /** Every call that ended on a platform-local day, oldest first. */
  listDay(day: string): CallSummary[] {
    return (this.byDayStmt.all(day) as { summary: string }[]).map(
      (r) => JSON.parse(r.summary) as CallSummary,
    )
  }
}
