import { sql } from 'kysely'
import type { SavedView } from '@/shared/views'
import type { Sql } from '../db/store'

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
  constructor(private readonly db: Sql) {}

  async list(namespace: string): Promise<SavedView[]> {
    const { rows } = await sql<ViewRow>`
      SELECT * FROM saved_views WHERE namespace = ${namespace} ORDER BY name, id`.execute(this.db)
    return rows.map(toView)
  }

  async get(
    namespace: string,
    id: number,
  ): Promise<(SavedView & { ownerId: number | null }) | null> {
    const { rows } = await sql<ViewRow>`
      SELECT * FROM saved_views WHERE namespace = ${namespace} AND id = ${id}`.execute(this.db)
    const row = rows[0]
    return row
      ? { ...toView(row), ownerId: row.owner_id === null ? null : Number(row.owner_id) }
      : null
  }

  async create(v: {
    namespace: string
    ownerId: number
    ownerName: string
    name: string
    query: string
    now: number
  }): Promise<SavedView> {
    const { rows } = await sql<ViewRow>`
      INSERT INTO saved_views (namespace, owner_id, owner_name, name, query, created_at)
      VALUES (${v.namespace}, ${v.ownerId}, ${v.ownerName}, ${v.name}, ${v.query}, ${v.now})
      RETURNING *`.execute(this.db)
    return toView(rows[0]!)
  }

  async delete(namespace: string, id: number): Promise<void> {
    await sql`DELETE FROM saved_views WHERE namespace = ${namespace} AND id = ${id}`.execute(
      this.db,
    )
  }
}

function toView(r: ViewRow): SavedView {
  return {
    id: Number(r.id),
    name: r.name,
    query: r.query,
    owner: r.owner_name,
    createdAt: Number(r.created_at),
  }
}
