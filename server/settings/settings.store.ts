import { sql } from 'kysely'
import {
  defaultSettings,
  type FloorSettings,
  floorSettingsSchema,
  queueRuleFor,
} from '@/shared/settings'
import type { FiguresRules } from '../day-calls/figures'
import type { Sql } from '../db/store'

/**
 * Each tenant's thresholds and queue targets, as its admin set them; the relay's settings
 * (SL_THRESHOLD_SEC, SHORT_ABANDON_SEC) are the defaults until then. Held in memory: today's
 * figures read them on every call. Loaded before the relay answers (`load`), kept up to date by
 * this process's own changes; `reload` picks up another relay process's.
 */
export class SettingsStore {
  private cache = new Map<string, FloorSettings>()
  private readonly defaults: FloorSettings

  constructor(
    private readonly db: Sql,
    queueDefaults: { slThresholdSec: number; shortAbandonSec: number },
  ) {
    this.defaults = defaultSettings(queueDefaults)
  }

  /** Reads every tenant's settings (at start); resolves to the tenants that have their own. */
  async load(): Promise<string[]> {
    const { rows } = await sql<{ namespace: string; value: string }>`
      SELECT namespace, value FROM settings`.execute(this.db)
    this.cache = new Map(rows.map((r) => [r.namespace, this.parsed(r.value)]))
    return [...this.cache.keys()]
  }

  /** Reads one tenant's settings again (changed elsewhere); resolves to them. */
  async reload(namespace: string): Promise<FloorSettings> {
    const { rows } = await sql<{ value: string }>`
      SELECT value FROM settings WHERE namespace = ${namespace}`.execute(this.db)
    const s = rows[0] ? this.parsed(rows[0].value) : this.defaults
    this.cache.set(namespace, s)
    return s
  }

  get(namespace: string): FloorSettings {
    return this.cache.get(namespace) ?? this.defaults
  }

  /** Told after each change made here (the other relay processes of a cluster read it again). */
  onChange: ((namespace: string) => void | Promise<void>) | null = null

  async put(namespace: string, settings: FloorSettings, by: string, now: number): Promise<void> {
    await sql`
      INSERT INTO settings (namespace, value, updated_at, updated_by)
      VALUES (${namespace}, ${JSON.stringify(settings)}, ${now}, ${by})
      ON CONFLICT (namespace) DO UPDATE SET value = excluded.value,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(this.db)
    this.cache.set(namespace, settings)
    await this.onChange?.(namespace)
  }

  /** The queue rules today's figures of a tenant are counted by. */
  figuresRules(namespace: string): FiguresRules {
    return (skillId) => queueRuleFor(skillId, this.get(namespace))
  }

  private parsed(value: string): FloorSettings {
    let json: unknown
    try {
      json = JSON.parse(value)
    } catch {
      return this.defaults
    }
    const parsed = floorSettingsSchema.safeParse(json)
    // A stored value that no longer fits the schema (an older version) falls back to defaults.
    return parsed.success ? parsed.data : this.defaults
  }
}
