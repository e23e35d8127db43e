import type { SavedView } from '@/shared/views'
import type { Db } from '../db/database'

interface ViewRow {
  id: number
  name: string
  query: string
  owner_id: number | null
  owner_name: string
  created_at: number
}

/** Saved floor views of each tenant. */
export class ViewsRepo {
  constructor(private readonly db: Db) {}

  list(namespace: string): SavedView[] {
    return (
      this.db
        .prepare('SELECT * FROM saved_views WHERE namespace = ? ORDER BY name, id')
        .all(namespace) as ViewRow[]
    ).map(toView)
  }

  get(namespace: string, id: number): (SavedView & { ownerId: number | null }) | null {
    const row = this.db
      .prepare('SELECT * FROM saved_views WHERE namespace = ? AND id = ?')
      .get(namespace, id) as ViewRow | undefined
    return row ? { ...toView(row), ownerId: row.owner_id } : null
  }

  create(v: {
    namespace: string
    ownerId: number
    ownerName: string
    name: string
    query: string
    now: number
  }): SavedView {
    const info = this.db
      .prepare(
        'INSERT INTO saved_views (namespace, owner_id, owner_name, name, query, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(v.namespace, v.ownerId, v.ownerName, v.name, v.query, v.now)
    return this.get(v.namespace, Number(info.lastInsertRowid))!
  }

  delete(namespace: string, id: number): void {
    this.db.prepare('DELETE FROM saved_views WHERE namespace = ? AND id = ?').run(namespace, id)
  }
}

function toView(r: ViewRow): SavedView {
  return {
    id: r.id,
    name: r.name,
    query: r.query,
    owner: r.owner_name,
    createdAt: Number(r.created_at),
  }
}
