import { RECENT_ACTIVITIES_MAX, type OutboundSettings, type RosterUpload } from '@/shared/outbound'
import type { Db } from '../db/database'

/** Uploads `GET /api/outbound/rosters` lists at most, newest first. */
export const ROSTER_UPLOADS_LISTED = 100

interface RosterRow {
  batch_id: string
  batch_name: string
  alias: string | null
  template_id: string | null
  file_name: string
  entries: number
  duplicates_dropped: number
  uploaded_at: number
  username: string
}

/** The tenant's outbound settings, the campaigns each user used, and the call lists uploaded. */
export class OutboundRepo {
  constructor(private readonly db: Db) {}

  /** The tenant's settings, or null while an admin has set none. */
  settings(namespace: string): OutboundSettings | null {
    const row = this.db
      .prepare('SELECT value FROM outbound_settings WHERE namespace = ?')
      .get(namespace) as { value: string } | undefined
    if (!row) return null
    try {
      return JSON.parse(row.value) as OutboundSettings
    } catch {
      return null
    }
  }

  putSettings(namespace: string, value: OutboundSettings, by: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO outbound_settings (namespace, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (namespace) DO UPDATE SET value = excluded.value,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(namespace, JSON.stringify(value), now, by)
  }

  /** Keeps `activityId` as the user's newest, and only their RECENT_ACTIVITIES_MAX newest. */
  rememberActivity(userId: number, activityId: string, now: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO outbound_recent_activities (user_id, activity_id, used_at) VALUES (?, ?, ?)
           ON CONFLICT (user_id, activity_id) DO UPDATE SET used_at = excluded.used_at`,
        )
        .run(userId, activityId, now)
      this.db
        .prepare(
          `DELETE FROM outbound_recent_activities WHERE user_id = ? AND activity_id NOT IN (
             SELECT activity_id FROM outbound_recent_activities WHERE user_id = ?
             ORDER BY used_at DESC, activity_id LIMIT ?)`,
        )
        .run(userId, userId, RECENT_ACTIVITIES_MAX)
    })()
  }

  recentActivities(userId: number): string[] {
    const rows = this.db
      .prepare(
        `SELECT activity_id FROM outbound_recent_activities WHERE user_id = ?
         ORDER BY used_at DESC, activity_id LIMIT ?`,
      )
      .all(userId, RECENT_ACTIVITIES_MAX) as { activity_id: string }[]
    return rows.map((r) => r.activity_id)
  }

  addUpload(namespace: string, u: RosterUpload): void {
    this.db
      .prepare(
        `INSERT INTO roster_uploads (namespace, batch_id, batch_name, alias, template_id, file_name,
           entries, duplicates_dropped, uploaded_at, username)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        namespace,
        u.batchId,
        u.batchName,
        u.alias,
        u.templateId,
        u.fileName,
        u.entries,
        u.duplicatesDropped,
        u.uploadedAt,
        u.username,
      )
  }

  /** The tenant's uploads, newest first, at most ROSTER_UPLOADS_LISTED. */
  uploads(namespace: string): RosterUpload[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM roster_uploads WHERE namespace = ? ORDER BY uploaded_at DESC, id DESC LIMIT ?`,
      )
      .all(namespace, ROSTER_UPLOADS_LISTED) as RosterRow[]
    return rows.map((r) => ({
      batchId: r.batch_id,
      batchName: r.batch_name,
      alias: r.alias,
      templateId: r.template_id,
      fileName: r.file_name,
      entries: Number(r.entries),
      duplicatesDropped: Number(r.duplicates_dropped),
      uploadedAt: Number(r.uploaded_at),
      username: r.username,
    }))
  }
}
