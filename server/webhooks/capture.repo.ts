import { sql } from 'kysely'
import { changed, type Sql } from '../db/store'

/** One webhook as received, for field diagnostics (WEBHOOK_CAPTURE). */
export interface CapturedWebhook {
  /** The tenant the webhook token admits. */
  namespace: string
  receivedAt: number
  /** What the relay answered. */
  status: number
  /** The body exactly as sent; empty when it was too large to read. */
  body: string
  /** Bytes as received; null when unknown (a body too large to read, sent without a length). */
  bytes: number | null
  bodyKept: boolean
}

export type StoredCapture = CapturedWebhook & { id: number }

interface Row {
  id: number
  namespace: string
  received_at: number
  status: number
  bytes: number | null
  body_kept: number
  body: string
}

// Captured webhooks an export reads from the database at a time: days of them do not fit in
// memory, and a page this size keeps the round trips few.
const RANGE_PAGE_ROWS = 500

/** Storage of captured webhooks (table `webhook_capture`). */
export class CaptureRepo {
  constructor(private readonly db: Sql) {}

  /** Writes on the write batcher's transaction `trx`. */
  async insert(trx: Sql, c: CapturedWebhook): Promise<void> {
    await sql`
      INSERT INTO webhook_capture (namespace, received_at, status, bytes, body_kept, body)
      VALUES (${c.namespace}, ${c.receivedAt}, ${c.status}, ${c.bytes}, ${c.bodyKept ? 1 : 0},
        ${c.body})`.execute(trx)
  }

  /**
   * Captured webhooks received in [from, to), in the order the relay took them, read a page at
   * a time (days of them do not fit in memory).
   */
  async *range(from: number, to: number, namespace: string | null): AsyncGenerator<StoredCapture> {
    const ofTenant = namespace === null ? sql`` : sql`AND namespace = ${namespace}`
    let after = 0
    for (;;) {
      const { rows } = await sql<Row>`
        SELECT id, namespace, received_at, status, bytes, body_kept, body FROM webhook_capture
        WHERE id > ${after} AND received_at >= ${from} AND received_at < ${to} ${ofTenant}
        ORDER BY id LIMIT ${RANGE_PAGE_ROWS}`.execute(this.db)
      for (const r of rows) {
        yield {
          id: Number(r.id),
          namespace: r.namespace,
          receivedAt: Number(r.received_at),
          status: r.status,
          bytes: r.bytes === null ? null : Number(r.bytes),
          bodyKept: Number(r.body_kept) === 1,
          body: r.body,
        }
      }
      if (rows.length < RANGE_PAGE_ROWS) return
      after = Number(rows[rows.length - 1]!.id)
    }
  }

  async count(): Promise<number> {
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM webhook_capture`.execute(
      this.db,
    )
    return Number(rows[0]?.n ?? 0)
  }

  /** Deletes what was received before `before` (epoch ms); returns how many. */
  async prune(before: number): Promise<number> {
    const result = await sql`DELETE FROM webhook_capture WHERE received_at < ${before}`.execute(
      this.db,
    )
    return changed(result)
  }
}
