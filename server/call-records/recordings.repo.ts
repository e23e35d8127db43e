import type { RecordingInfo } from '@/shared/cdr'
import type { Db } from '../db/database'

/**
 * Recordings the relay has listed for a call (§4.2). A recording id is only served when it is
 * known here, so a guessed id gets 404, and the call it belongs to decides who may hear it.
 * A cache of the platform's answer: listing the call's recordings again (the call page does,
 * before it plays) brings a pruned row back.
 */
export class RecordingsRepo {
  constructor(private readonly db: Db) {}

  remember(namespace: string, recordings: RecordingInfo[], now: number): void {
    const stmt = this.db.prepare(
      `INSERT INTO recordings (namespace, id, call_id, info, seen_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (namespace, id) DO UPDATE SET info = excluded.info, seen_at = excluded.seen_at`,
    )
    this.db.transaction(() => {
      for (const r of recordings) stmt.run(namespace, r.id, r.callId, JSON.stringify(r), now)
    })()
  }

  get(namespace: string, id: string): RecordingInfo | null {
    const row = this.db
      .prepare('SELECT info FROM recordings WHERE namespace = ? AND id = ?')
      .get(namespace, id) as { info: string } | undefined
    return row ? (JSON.parse(row.info) as RecordingInfo) : null
  }

  /** Forgets recordings not listed since `before` (epoch ms); returns how many. */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM recordings WHERE seen_at < ?').run(before).changes
  }
}
