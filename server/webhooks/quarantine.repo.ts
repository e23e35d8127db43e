import type { QuarantineEntry, ReplayResult } from '@/shared/webhook-quarantine'
import type { Db } from '../db/database'

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

/** Storage of the webhook quarantine (tables `webhook_quarantine`, `webhook_quarantine_drops`). */
export class QuarantineRepo {
  private readonly insertStmt
  private readonly waitingStmt
  private readonly repeatStmt
  private readonly usageStmt
  private readonly oldestStmt
  private readonly deleteStmt
  private readonly droppedStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO webhook_quarantine (namespace, received_at, event_name, status, bytes, body_kept,
        body_hash, times, last_at, reason, body)
      VALUES (@namespace, @receivedAt, @eventName, @status, @bytes, @bodyKept, @bodyHash, 1,
        @receivedAt, @reason, @body)`)
    this.waitingStmt = db.prepare(`
      SELECT id FROM webhook_quarantine
      WHERE namespace = ? AND body_hash = ? AND replayed_at IS NULL LIMIT 1`)
    this.repeatStmt = db.prepare(
      'UPDATE webhook_quarantine SET times = times + 1, last_at = ?, reason = ? WHERE id = ?',
    )
    this.usageStmt = db.prepare(`
      SELECT COUNT(*) AS entries,
        COALESCE(SUM(CASE WHEN body_kept = 1 THEN bytes ELSE 0 END), 0) AS bytes
      FROM webhook_quarantine WHERE namespace = ?`)
    this.oldestStmt = db.prepare(
      'SELECT id FROM webhook_quarantine WHERE namespace = ? ORDER BY id LIMIT 1',
    )
    this.deleteStmt = db.prepare('DELETE FROM webhook_quarantine WHERE id = ?')
    this.droppedStmt = db.prepare(`
      INSERT INTO webhook_quarantine_drops (namespace, dropped) VALUES (?, ?)
      ON CONFLICT (namespace) DO UPDATE SET dropped = dropped + excluded.dropped`)
  }

  insert(e: HashedQuarantined): number {
    return Number(this.insertStmt.run({ ...e, bodyKept: e.bodyKept ? 1 : 0 }).lastInsertRowid)
  }

  /** The tenant's entry with this body that waits for a replay, if any. */
  waiting(namespace: string, bodyHash: string): number | null {
    const row = this.waitingStmt.get(namespace, bodyHash) as { id: number } | undefined
    return row?.id ?? null
  }

  /** The same body came again: counted, with its latest arrival and reason. */
  repeat(id: number, at: number, reason: string): void {
    this.repeatStmt.run(at, reason, id)
  }

  /** Entries of a tenant and the bytes of their bodies. */
  usage(namespace: string): { entries: number; bytes: number } {
    const u = this.usageStmt.get(namespace) as { entries: number; bytes: number }
    return { entries: u.entries, bytes: Number(u.bytes) }
  }

  /** Deletes the tenant's oldest entry and counts it as dropped; false when there is none. */
  dropOldest(namespace: string): boolean {
    const oldest = this.oldestStmt.get(namespace) as { id: number } | undefined
    if (!oldest) return false
    this.deleteStmt.run(oldest.id)
    this.droppedStmt.run(namespace, 1)
    return true
  }

  dropped(namespace: string): number {
    const row = this.db
      .prepare('SELECT dropped FROM webhook_quarantine_drops WHERE namespace = ?')
      .get(namespace) as { dropped: number } | undefined
    return Number(row?.dropped ?? 0)
  }

  pending(namespace: string): number {
    return (
      this.db
        .prepare(
          'SELECT COUNT(*) AS n FROM webhook_quarantine WHERE namespace = ? AND replayed_at IS NULL',
        )
        .get(namespace) as { n: number }
    ).n
  }

  /**
   * A page of the tenant's entries, newest first; each body cut to `bodyChars` characters
   * by the database, so a page of 1 MB bodies is never read whole.
   */
  page(
    namespace: string,
    limit: number,
    offset: number,
    bodyChars: number,
  ): (StoredEntry & { bodyChars: number })[] {
    const rows = this.db
      .prepare(
        `SELECT id, namespace, received_at, event_name, status, bytes, body_kept, times, last_at,
           replayed_at, replayed_by, replay_result, reason, SUBSTR(body, 1, ?) AS body,
           LENGTH(body) AS body_chars
         FROM webhook_quarantine WHERE namespace = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
      )
      .all(bodyChars, namespace, limit, offset) as (Row & { body_chars: number })[]
    return rows.map((r) => ({ ...toEntry(r), bodyChars: r.body_chars }))
  }

  byId(namespace: string, id: number): StoredEntry | null {
    const row = this.db
      .prepare('SELECT * FROM webhook_quarantine WHERE id = ? AND namespace = ?')
      .get(id, namespace) as Row | undefined
    return row ? toEntry(row) : null
  }

  markReplayed(id: number, at: number, by: string, result: ReplayResult): void {
    this.db
      .prepare(
        'UPDATE webhook_quarantine SET replayed_at = ?, replayed_by = ?, replay_result = ? WHERE id = ?',
      )
      .run(at, by, result, id)
  }

  setReason(id: number, reason: string): void {
    this.db.prepare('UPDATE webhook_quarantine SET reason = ? WHERE id = ?').run(reason, id)
  }

  /** Deletes entries received before `before` (epoch ms); returns how many. */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM webhook_quarantine WHERE received_at < ?').run(before)
      .changes
  }
}

function toEntry(r: Row): StoredEntry {
  return {
    id: r.id,
    namespace: r.namespace,
    receivedAt: Number(r.received_at),
    eventName: r.event_name,
    status: r.status,
    reason: r.reason,
    body: r.body,
    bytes: r.bytes === null ? null : Number(r.bytes),
    bodyKept: r.body_kept === 1,
    times: r.times,
    lastReceivedAt: Number(r.last_at),
    replayedAt: r.replayed_at === null ? null : Number(r.replayed_at),
    replayedBy: r.replayed_by,
    replayResult: r.replay_result,
  }
}
