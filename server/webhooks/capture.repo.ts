import type { Db } from '../db/database'

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

/** Storage of captured webhooks (table `webhook_capture`). */
export class CaptureRepo {
  private readonly insertStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO webhook_capture (namespace, received_at, status, bytes, body_kept, body)
      VALUES (@namespace, @receivedAt, @status, @bytes, @bodyKept, @body)`)
  }

  insert(c: CapturedWebhook): void {
    this.insertStmt.run({ ...c, bodyKept: c.bodyKept ? 1 : 0 })
  }

  /**
   * Captured webhooks received in [from, to), in the order the relay took them, one at a time
   * (days of them do not fit in memory).
   */
  *range(from: number, to: number, namespace: string | null): Generator<StoredCapture> {
    const rows = this.db
      .prepare(
        `SELECT * FROM webhook_capture
         WHERE received_at >= ? AND received_at < ? AND (? IS NULL OR namespace = ?)
         ORDER BY id`,
      )
      .iterate(from, to, namespace, namespace) as IterableIterator<Row>
    for (const r of rows) {
      yield {
        id: r.id,
        namespace: r.namespace,
        receivedAt: Number(r.received_at),
        status: r.status,
        bytes: r.bytes === null ? null : Number(r.bytes),
        bodyKept: r.body_kept === 1,
        body: r.body,
      }
    }
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM webhook_capture').get() as { n: number }).n
  }

  /** Deletes what was received before `before` (epoch ms); returns how many. */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM webhook_capture WHERE received_at < ?').run(before).changes
  }
}
