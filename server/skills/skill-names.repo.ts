import type { SkillNames } from '@/shared/skill-names'
import type { Db } from '../db/database'

/** Skill-group names of each tenant, as its admins set them. */
export class SkillNamesRepo {
  constructor(private readonly db: Db) {}

  get(namespace: string): SkillNames {
    const rows = this.db
      .prepare('SELECT skill_id, name FROM skill_names WHERE namespace = ? ORDER BY skill_id')
      .all(namespace) as { skill_id: string; name: string }[]
    return Object.fromEntries(rows.map((r) => [r.skill_id, r.name]))
  }

  /** Replaces the tenant's names with `names`, in one transaction. */
  replace(namespace: string, names: SkillNames, by: string, now: number): void {
    const remove = this.db.prepare('DELETE FROM skill_names WHERE namespace = ?')
    const insert = this.db.prepare(
      `INSERT INTO skill_names (namespace, skill_id, name, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?)`,
    )
    this.db.transaction(() => {
      remove.run(namespace)
      for (const [id, name] of Object.entries(names)) insert.run(namespace, id, name, now, by)
    })()
  }
}
