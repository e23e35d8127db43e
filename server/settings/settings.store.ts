import {
  defaultSettings,
  type FloorSettings,
  floorSettingsSchema,
  queueRuleFor,
} from '@/shared/settings'
import type { FiguresRules } from '../day-calls/figures'
import type { Db } from '../db/database'

/**
 * Each tenant's thresholds and queue targets, as its admin set them; the relay's settings
 * (SL_THRESHOLD_SEC, SHORT_ABANDON_SEC) are the defaults until then.
 */
export class SettingsStore {
  private readonly cache = new Map<string, FloorSettings>()
  private readonly defaults: FloorSettings

  constructor(
    private readonly db: Db,
    queueDefaults: { slThresholdSec: number; shortAbandonSec: number },
  ) {
    this.defaults = defaultSettings(queueDefaults)
  }

  get(namespace: string): FloorSettings {
    let s = this.cache.get(namespace)
    if (!s) {
      const row = this.db
        .prepare('SELECT value FROM settings WHERE namespace = ?')
        .get(namespace) as { value: string } | undefined
      const parsed = row ? floorSettingsSchema.safeParse(JSON.parse(row.value)) : null
      // A stored value that no longer fits the schema (an older version) falls back to defaults.
      s = parsed?.success ? parsed.data : this.defaults
      this.cache.set(namespace, s)
    }
    return s
  }

  put(namespace: string, settings: FloorSettings, by: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO settings (namespace, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (namespace) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(namespace, JSON.stringify(settings), now, by)
    this.cache.set(namespace, settings)
  }

  /** The queue rules today's figures of a tenant are counted by. */
  figuresRules(namespace: string): FiguresRules {
    return (skillId) => queueRuleFor(skillId, this.get(namespace))
  }
}
