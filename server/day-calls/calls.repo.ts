import type { CallSummary } from '@/shared/floor'
import { sql } from 'kysely'
import { CALL_COLUMNS, callColumns } from '../db/compact-store.migration'
import { changed, type Sql } from '../db/store'

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
  conferenced: number | boolean | null
  transferred: number | boolean | null
  org_tree_pos: string | null
}

/**
 * Stored `callEnd` events, one row per (namespace, callId): the platform's retries collapse
 * here. A row holds the call's summary as columns; the platform's whole body is not kept
 * (nothing reads it: the platform's CDR API serves the full record).
 */
export class CallsRepo {
  constructor(private readonly db: Sql) {}

  /**
   * Stores a call once, on `trx` (the write batch's transaction); false when this call was
   * stored before (a retry).
   */
  async insert(trx: Sql, summary: CallSummary, day: string, receivedAt: number): Promise<boolean> {
    const values = callColumns({ ...summary }, day, receivedAt)
    const result =
      await sql`INSERT INTO calls (namespace, call_id, ${sql.raw(CALL_COLUMNS.join(', '))})
      VALUES (${summary.namespace}, ${summary.callId}, ${sql.join(values)})
      ON CONFLICT (namespace, call_id) DO NOTHING`.execute(trx)
    return changed(result) > 0
  }

  async exists(namespace: string, callId: string): Promise<boolean> {
    const { rows } = await sql`SELECT 1 AS found FROM calls
      WHERE namespace = ${namespace} AND call_id = ${callId}`.execute(this.db)
    return rows.length > 0
  }

  /** A call the relay has seen end, or null. */
  async get(namespace: string, callId: string): Promise<CallSummary | null> {
    const { rows } = await sql<CallRow>`SELECT * FROM calls
      WHERE namespace = ${namespace} AND call_id = ${callId}`.execute(this.db)
    return rows[0] ? toSummary(rows[0]) : null
  }

  /** The calls of `callIds` the relay has seen end, by callId (one query for a page of CDRs). */
  async getMany(namespace: string, callIds: readonly string[]): Promise<Map<string, CallSummary>> {
    const out = new Map<string, CallSummary>()
    if (callIds.length === 0) return out
    const { rows } = await sql<CallRow>`SELECT * FROM calls
      WHERE namespace = ${namespace} AND call_id IN (${sql.join([...new Set(callIds)])})`.execute(
      this.db,
    )
    for (const row of rows) out.set(row.call_id, toSummary(row))
    return out
  }

  /** Every call that ended on a platform-local day, oldest first (one without an end time first). */
  async listDay(day: string): Promise<CallSummary[]> {
    // PostgreSQL sorts nulls last, SQLite first: the CASE says which.
    const { rows } = await sql<CallRow>`SELECT * FROM calls WHERE day = ${day}
      ORDER BY CASE WHEN end_time IS NULL THEN 0 ELSE 1 END, end_time, received_at`.execute(this.db)
    return rows.map(toSummary)
  }

  /**
   * A tenant's calls of a platform-local day that ended by `at` (epoch ms), newest first, `size`
   * at a time: page `page` of them.
   */
  async listDayEndedBefore(
    namespace: string,
    day: string,
    at: number,
    size: number,
    page: number,
  ): Promise<CallSummary[]> {
    const { rows } = await sql<CallRow>`SELECT * FROM calls WHERE day = ${day}
      AND end_time <= ${at} AND namespace = ${namespace}
      ORDER BY end_time DESC, received_at DESC LIMIT ${size} OFFSET ${size * page}`.execute(this.db)
    return rows.map(toSummary)
  }

  /** The calls of a platform-local day received at or after `from` (epoch ms), as `listDay` orders them. */
  async listDaySince(day: string, from: number): Promise<CallSummary[]> {
    const { rows } = await sql<CallRow>`SELECT * FROM calls WHERE day = ${day}
      AND received_at >= ${from}
      ORDER BY CASE WHEN end_time IS NULL THEN 0 ELSE 1 END, end_time, received_at`.execute(this.db)
    return rows.map(toSummary)
  }

  /**
   * The calls of a tenant's platform-local day whose customer's number or calling number is one
   * of `numbers` (as stored), as `listDay` orders them: a number's calls of a past day.
   */
  async listDayOfNumbers(
    namespace: string,
    day: string,
    numbers: readonly string[],
  ): Promise<CallSummary[]> {
    if (numbers.length === 0) return []
    const list = sql.join([...new Set(numbers)])
    const { rows } = await sql<CallRow>`SELECT * FROM calls
      WHERE namespace = ${namespace} AND day = ${day}
        AND (customer_phone IN (${list}) OR ani IN (${list}))
      ORDER BY CASE WHEN end_time IS NULL THEN 0 ELSE 1 END, end_time, received_at`.execute(this.db)
    return rows.map(toSummary)
  }

  /** Deletes the calls of platform-local days before `day` (`yyyy-MM-dd`); returns how many. */
  async prune(day: string): Promise<number> {
    return changed(await sql`DELETE FROM calls WHERE day < ${day}`.execute(this.db))
  }
}

function toSummary(r: CallRow): CallSummary {
  const time = (v: number | null) => (v === null ? null : Number(v))
  // SQLite keeps 0/1, PostgreSQL true/false.
  const bool = (v: number | boolean | null) => (v === null ? null : Boolean(v))
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
