import { sql } from 'kysely'
import { type Preferences, preferencesSchema } from '@/shared/preferences'
import type { Sql } from '../db/store'

/** Each user's preferences, as one small JSON object. */
export class PreferencesRepo {
  constructor(private readonly db: Sql) {}

  /** The user's preferences; none stored (or stored by an older version and no longer valid): `{}`. */
  async get(userId: number): Promise<Preferences> {
    const { rows } = await sql<{ value: string }>`
      SELECT value FROM user_preferences WHERE user_id = ${userId}`.execute(this.db)
    const row = rows[0]
    if (!row) return {}
    try {
      const parsed = preferencesSchema.safeParse(JSON.parse(row.value))
      return parsed.success ? parsed.data : {}
    } catch {
      return {}
    }
  }

  async put(userId: number, value: Preferences, now: number): Promise<void> {
    await sql`
      INSERT INTO user_preferences (user_id, value, updated_at)
      VALUES (${userId}, ${JSON.stringify(value)}, ${now})
      ON CONFLICT (user_id) DO UPDATE SET value = excluded.value,
        updated_at = excluded.updated_at`.execute(this.db)
  }
}
