import { type Preferences, preferencesSchema } from '@/shared/preferences'
import type { Db } from '../db/database'

/** Each user's preferences, as one small JSON object. */
export class PreferencesRepo {
  constructor(private readonly db: Db) {}

  /** The user's preferences; none stored (or stored by an older version and no longer valid): `{}`. */
  get(userId: number): Preferences {
    const row = this.db
      .prepare('SELECT value FROM user_preferences WHERE user_id = ?')
      .get(userId) as { value: string } | undefined
    if (!row) return {}
    try {
      const parsed = preferencesSchema.safeParse(JSON.parse(row.value))
      return parsed.success ? parsed.data : {}
    } catch {
      return {}
    }
  }

  put(userId: number, value: Preferences, now: number): void {
    this.db
      .prepare(
        `INSERT INTO user_preferences (user_id, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(userId, JSON.stringify(value), now)
  }
}
