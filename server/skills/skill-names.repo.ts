import { sql } from 'kysely'
import type { SkillNames } from '@/shared/skill-names'
import type { Sql } from '../db/store'

interface NameRow {
  namespace: string
  skill_id: string
  name: string
}

/** Skill-group names of each tenant, as its admins set them. */
export class SkillNamesRepo {
  constructor(private readonly db: Sql) {}

  async get(namespace: string): Promise<SkillNames> {
    const { rows } = await sql<NameRow>`
      SELECT skill_id, name FROM skill_names WHERE namespace = ${namespace}
      ORDER BY skill_id`.execute(this.db)
    return Object.fromEntries(rows.map((r) => [r.skill_id, r.name]))
  }

  /** Every tenant's names (those with none are not there). */
  async all(): Promise<Map<string, SkillNames>> {
    const { rows } = await sql<NameRow>`
      SELECT namespace, skill_id, name FROM skill_names
      ORDER BY namespace, skill_id`.execute(this.db)
    const byNamespace = new Map<string, SkillNames>()
    for (const r of rows) {
      const names = byNamespace.get(r.namespace) ?? {}
      names[r.skill_id] = r.name
      byNamespace.set(r.namespace, names)
    }
    return byNamespace
  }

  /** Replaces the tenant's names with `names`, in one transaction. */
  async replace(namespace: string, names: SkillNames, by: string, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`DELETE FROM skill_names WHERE namespace = ${namespace}`.execute(trx)
      for (const [id, name] of Object.entries(names)) {
        await sql`
          INSERT INTO skill_names (namespace, skill_id, name, updated_at, updated_by)
          VALUES (${namespace}, ${id}, ${name}, ${now}, ${by})`.execute(trx)
      }
    })
  }
}
