import { sql } from 'kysely'
import type { RecordingInfo } from '@/shared/cdr'
import { changed, type Sql } from '../db/store'

/**
 * Recordings the relay has listed for a call (§4.2). A recording id is only served when it is
 * known here, so a guessed id gets 404, and the call it belongs to decides who may hear it.
 * A cache of the platform's answer: listing the call's recordings again (the call page does,
 * before it plays) brings a pruned row back.
 */
export class RecordingsRepo {
  constructor(private readonly db: Sql) {}

  async remember(namespace: string, recordings: RecordingInfo[], now: number): Promise<void> {
    // One statement, so the list is remembered whole or not at all. An id the platform lists
    // twice is kept once, as its last listing (PostgreSQL refuses one row changed twice).
    const byId = new Map(recordings.map((r) => [r.id, r]))
    if (byId.size === 0) return
    const rows = [...byId.values()].map(
      (r) => sql`(${namespace}, ${r.id}, ${r.callId}, ${JSON.stringify(r)}, ${now})`,
    )
    await sql`
      INSERT INTO recordings (namespace, id, call_id, info, seen_at) VALUES ${sql.join(rows)}
      ON CONFLICT (namespace, id) DO UPDATE SET info = excluded.info, seen_at = excluded.seen_at
    `.execute(this.db)
  }

  async get(namespace: string, id: string): Promise<RecordingInfo | null> {
    const { rows } = await sql<{ info: string }>`
      SELECT info FROM recordings WHERE namespace = ${namespace} AND id = ${id}`.execute(this.db)
    return rows[0] ? (JSON.parse(rows[0].info) as RecordingInfo) : null
  }

  /** Forgets recordings not listed since `before` (epoch ms); returns how many. */
  async prune(before: number): Promise<number> {
    const result = await sql`DELETE FROM recordings WHERE seen_at < ${before}`.execute(this.db)
    return changed(result)
  }
}
