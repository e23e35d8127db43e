import type { QuarantineEntry, ReplayResult } from '@/shared/webhook-quarantine'
import { sql } from 'kysely'
import { changed, type Sql } from '../db/store'

/** A refused webhook body to keep. */
export interface NewQuarantined {
  /** The tenant the webhook token admits. */
  namespace: string
  receivedAt: number
  eventName: string | null
  status: number
  reason: string
  /** The body exactly as sent; empty when it was too large to read. */
  body: string
  /** Bytes as received; null when unknown (a body too large to read, sent without a length). */
  bytes: number | null
  bodyKept: boolean
}

/** A body to keep, with its hash (null for a trace without a body: never the same as another). */
export type HashedQuarantined = NewQuarantined & { bodyHash: string | null }

/** An entry as stored, the whole body included. */
export type StoredEntry = Omit<QuarantineEntry, 'bodyTruncated'> & { namespace: string }

interface Row {
  id: number
  namespace: string
  received_at: number
  event_name: string | null
  status: number
  bytes: number | null
  body_kept: number
  times: number
  last_at: number
  replayed_at: number | null
  replayed_by: string | null
  replay_result: ReplayResult | null
  reason: string
  body: string
}

/**
 * Storage of the webhook quarantine (tables `webhook_quarantine`, `webhook_quarantine_drops`).
 * What a refused webhook writes runs on the write batcher's transaction (`trx`), so it is
 * committed with the batch before the platform is answered.
 */
export class QuarantineRepo {
  constructor(private readonly db: Sql) {}

  async insert(trx: Sql, e: HashedQuarantined): Promise<number> {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO webhook_quarantine (namespace, received_at, event_name, status, bytes, body_kept,
        body_hash, times, last_at, reason, body)
      VALUES (${e.namespace}, ${e.receivedAt}, ${e.eventName}, ${e.status}, ${e.bytes},
        ${e.bodyKept ? 1 : 0}, ${e.bodyHash}, 1, ${e.receivedAt}, ${e.reason}, ${e.body})
      RETURNING id`.execute(trx)
    return Number(rows[0]!.id)
  }

  /** The tenant's entry with this body that waits for a replay, if any. */
  async waiting(trx: Sql, namespace: string, bodyHash: string): Promise<number | null> {
    const { rows } = await sql<{ id: number }>`
      SELECT id FROM webhook_quarantine
      WHERE namespace = ${namespace} AND body_hash = ${bodyHash} AND replayed_at IS NULL
      LIMIT 1`.execute(trx)
    return rows[0] ? Number(rows[0].id) : null
  }

  /** The same body came again: counted, with its latest arrival and reason. */
  async repeat(trx: Sql, id: number, at: number, reason: string): Promise<void> {
    await sql`
      UPDATE webhook_quarantine SET times = times + 1, last_at = ${at}, reason = ${reason}
      WHERE id = ${id}`.execute(trx)
  }

  /** Entries of a tenant and the bytes of their bodies. */
  async usage(namespace: string, trx: Sql = this.db): Promise<{ entries: number; bytes: number }> {
    const { rows } = await sql<{ entries: number; bytes: number }>`
      SELECT COUNT(*) AS entries,
        COALESCE(SUM(CASE WHEN body_kept = 1 THEN bytes ELSE 0 END), 0) AS bytes
      FROM webhook_quarantine WHERE namespace = ${namespace}`.execute(trx)
    const u = rows[0]
    return { entries: Number(u?.entries ?? 0), bytes: Number(u?.bytes ?? 0) }
  }

  /** Deletes the tenant's oldest entry and counts it as dropped; false when there is none. */
  async dropOldest(trx: Sql, namespace: string): Promise<boolean> {
    const { rows } = await sql<{ id: number }>`
      SELECT id FROM webhook_quarantine WHERE namespace = ${namespace} ORDER BY id LIMIT 1`.execute(
      trx,
    )
    const oldest = rows[0]
    if (!oldest) return false
    await sql`DELETE FROM webhook_quarantine WHERE id = ${oldest.id}`.execute(trx)
    await sql`
      INSERT INTO webhook_quarantine_drops (namespace, dropped) VALUES (${namespace}, 1)
      ON CONFLICT (namespace)
      DO UPDATE SET dropped = webhook_quarantine_drops.dropped + excluded.dropped`.execute(trx)
    return true
  }

  async dropped(namespace: string): Promise<number> {
    const { rows } = await sql<{ dropped: number }>`
      SELECT dropped FROM webhook_quarantine_drops WHERE namespace = ${namespace}`.execute(this.db)
    return Number(rows[0]?.dropped ?? 0)
  }

  async pending(namespace: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      SELECT COUNT(*) AS n FROM webhook_quarantine
      WHERE namespace = ${namespace} AND replayed_at IS NULL`.execute(this.db)
    return Number(rows[0]?.n ?? 0)
  }

  /**
   * A page of the tenant's entries, newest first; each body cut to `bodyChars` characters
   * by the database, so a page of 1 MB bodies is never read whole.
   */
  async page(
    namespace: string,
    limit: number,
    offset: number,
    bodyChars: number,
  ): Promise<(StoredEntry & { bodyChars: number })[]> {
    const { rows } = await sql<Row & { body_chars: number }>`
      SELECT id, namespace, received_at, event_name, status, bytes, body_kept, times, last_at,
        replayed_at, replayed_by, replay_result, reason, SUBSTR(body, 1, ${bodyChars}) AS body,
        LENGTH(body) AS body_chars
      FROM webhook_quarantine WHERE namespace = ${namespace}
      ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`.execute(this.db)
    return rows.map((r) => ({ ...toEntry(r), bodyChars: Number(r.body_chars) }))
  }

  async byId(namespace: string, id: number): Promise<StoredEntry | null> {
    const { rows } = await sql<Row>`
      SELECT id, namespace, received_at, event_name, status, bytes, body_kept, times, last_at,
        replayed_at, replayed_by, replay_result, reason, body
      FROM webhook_quarantine WHERE id = ${id} AND namespace = ${namespace}`.execute(this.db)
    return rows[0] ? toEntry(rows[0]) : null
  }

  async markReplayed(
    trx: Sql,
    id: number,
    at: number,
    by: string,
    result: ReplayResult,
  ): Promise<void> {
    await sql`
      UPDATE webhook_quarantine SET replayed_at = ${at}, replayed_by = ${by},
        replay_result = ${result}
      WHERE id = ${id}`.execute(trx)
  }

  async setReason(trx: Sql, id: number, reason: string): Promise<void> {
    await sql`UPDATE webhook_quarantine SET reason = ${reason} WHERE id = ${id}`.execute(trx)
  }

  /** Deletes entries received before `before` (epoch ms); returns how many. */
  async prune(before: number): Promise<number> {
    const result = await sql`DELETE FROM webhook_quarantine WHERE received_at < ${before}`.execute(
      this.db,
    )
    return changed(result)
  }
}

function toEntry(r: Row): StoredEntry {
  return {
    id: Number(r.id),
    namespace: r.namespace,
    receivedAt: Number(r.received_at),
    eventName: r.event_name,
    status: r.status,
    reason: r.reason,
    body: r.body,
    bytes: r.bytes === null ? null : Number(r.bytes),
    bodyKept: Number(r.body_kept) === 1,
    times: r.times,
    lastReceivedAt: Number(r.last_at),
    replayedAt: r.replayed_at === null ? null : Number(r.replayed_at),
    replayedBy: r.replayed_by,
    replayResult: r.replay_result,
  }
}
