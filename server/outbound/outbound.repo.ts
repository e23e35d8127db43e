import { sql } from 'kysely'
import { RECENT_ACTIVITIES_MAX, type OutboundSettings, type RosterUpload } from '@/shared/outbound'
import type { Sql } from '../db/store'

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
  constructor(private readonly db: Sql) {}

  /** The tenant's settings, or null while an admin has set none. */
  async settings(namespace: string): Promise<OutboundSettings | null> {
    const { rows } = await sql<{ value: string }>`
      SELECT value FROM outbound_settings WHERE namespace = ${namespace}`.execute(this.db)
    const row = rows[0]
    if (!row) return null
    try {
      return JSON.parse(row.value) as OutboundSettings
    } catch {
      return null
    }
  }

  async putSettings(
    namespace: string,
    value: OutboundSettings,
    by: string,
    now: number,
  ): Promise<void> {
    await sql`
      INSERT INTO outbound_settings (namespace, value, updated_at, updated_by)
      VALUES (${namespace}, ${JSON.stringify(value)}, ${now}, ${by})
      ON CONFLICT (namespace) DO UPDATE SET value = excluded.value,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(this.db)
  }

  /** Keeps `activityId` as the user's newest, and only their RECENT_ACTIVITIES_MAX newest. */
  async rememberActivity(userId: number, activityId: string, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO outbound_recent_activities (user_id, activity_id, used_at)
        VALUES (${userId}, ${activityId}, ${now})
        ON CONFLICT (user_id, activity_id) DO UPDATE SET used_at = excluded.used_at`.execute(trx)
      await sql`
        DELETE FROM outbound_recent_activities WHERE user_id = ${userId} AND activity_id NOT IN (
          SELECT activity_id FROM outbound_recent_activities WHERE user_id = ${userId}
          ORDER BY used_at DESC, activity_id LIMIT ${RECENT_ACTIVITIES_MAX})`.execute(trx)
    })
  }

  async recentActivities(userId: number): Promise<string[]> {
    const { rows } = await sql<{ activity_id: string }>`
      SELECT activity_id FROM outbound_recent_activities WHERE user_id = ${userId}
      ORDER BY used_at DESC, activity_id LIMIT ${RECENT_ACTIVITIES_MAX}`.execute(this.db)
    return rows.map((r) => r.activity_id)
  }

  async addUpload(namespace: string, u: RosterUpload): Promise<void> {
    await sql`
      INSERT INTO roster_uploads (namespace, batch_id, batch_name, alias, template_id, file_name,
        entries, duplicates_dropped, uploaded_at, username)
      VALUES (${namespace}, ${u.batchId}, ${u.batchName}, ${u.alias}, ${u.templateId},
        ${u.fileName}, ${u.entries}, ${u.duplicatesDropped}, ${u.uploadedAt}, ${u.username})`.execute(
      this.db,
    )
  }

  /** The tenant's uploads, newest first, at most ROSTER_UPLOADS_LISTED. */
  async uploads(namespace: string): Promise<RosterUpload[]> {
    const { rows } = await sql<RosterRow>`
      SELECT * FROM roster_uploads WHERE namespace = ${namespace}
      ORDER BY uploaded_at DESC, id DESC LIMIT ${ROSTER_UPLOADS_LISTED}`.execute(this.db)
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
