import type { CallSummary } from '@/shared/floor'
import type { Db } from '../db/database'
import { CALL_COLUMNS, callColumns } from '../db/compact-store.migration'

interface CallRow {
  namespace: string
  call_id: string
  call_type: string | null
  ani: string | null
  dnis: string | null
  customer_phone: string | null
  agent_id: string | null
  device_id: string | null
  skill_id: string | null
  start_time: number | null
  answer_time: number | null
  end_time: number | null
  queue_sec: number | null
  talk_sec: number | null
  end_reason: string | null
  hangup_cause: string | null
  hangup_device: string | null
  conferenced: number | null
  transferred: number | null
  org_tree_pos: string | null
}

/**
 * Stored `callEnd` events, one row per (namespace, callId): the platform's retries collapse
 * here. A row holds the call's summary as columns; the platform's whole body is not kept
 * (nothing reads it: the platform's CDR API serves the full record).
 */
export class CallsRepo {
  private readonly insertStmt
  private readonly byDayStmt
  private readonly existsStmt
  private readonly getStmt
  private readonly pruneStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO calls (namespace, call_id, ${CALL_COLUMNS.join(', ')})
      VALUES (?, ?, ${CALL_COLUMNS.map(() => '?').join(', ')})
      ON CONFLICT (namespace, call_id) DO NOTHING`)
    this.existsStmt = db.prepare('SELECT 1 FROM calls WHERE namespace = ? AND call_id = ?')
    this.getStmt = db.prepare<[string, string], CallRow>(
      'SELECT * FROM calls WHERE namespace = ? AND call_id = ?',
    )
    this.byDayStmt = db.prepare<[string], CallRow>(
      'SELECT * FROM calls WHERE day = ? ORDER BY end_time, received_at',
    )
    this.pruneStmt = db.prepare('DELETE FROM calls WHERE day < ?')
  }

  /** Stores a call once; false when this call was stored before (a retry). */
  insert(summary: CallSummary, day: string, receivedAt: number): boolean {
    const info = this.insertStmt.run(
      summary.namespace,
      summary.callId,
      ...callColumns({ ...summary }, day, receivedAt),
    )
    return info.changes > 0
  }

  exists(namespace: string, callId: string): boolean {
    return this.existsStmt.get(namespace, callId) !== undefined
  }

  /** A call the relay has seen end, or null. */
  get(namespace: string, callId: string): CallSummary | null {
    const row = this.getStmt.get(namespace, callId)
    return row ? toSummary(row) : null
  }

  /** Every call that ended on a platform-local day, oldest first. */
  listDay(day: string): CallSummary[] {
    return this.byDayStmt.all(day).map(toSummary)
  }

  /** Deletes the calls of platform-local days before `day` (`yyyy-MM-dd`); returns how many. */
  prune(day: string): number {
    return this.pruneStmt.run(day).changes
  }
}

function toSummary(r: CallRow): CallSummary {
  const time = (v: number | null) => (v === null ? null : Number(v))
  const bool = (v: number | null) => (v === null ? null : v !== 0)
  return {
    callId: r.call_id,
    namespace: r.namespace,
    callType: r.call_type,
    ani: r.ani,
    dnis: r.dnis,
    customerPhone: r.customer_phone,
    agentId: r.agent_id,
    deviceId: r.device_id,
    skillId: r.skill_id,
    startTime: time(r.start_time),
    answerTime: time(r.answer_time),
    endTime: time(r.end_time),
    queueSec: r.queue_sec,
    talkSec: r.talk_sec,
    endReason: r.end_reason,
    hangupCause: r.hangup_cause,
    hangupDevice: r.hangup_device,
    conferenced: bool(r.conferenced),
    transferred: bool(r.transferred),
    orgTreePos: r.org_tree_pos,
  }
}
