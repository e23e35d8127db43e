import { sql } from 'kysely'
import type { Scope } from '@/shared/auth'
import type { Sql } from '../db/store'
import { hashToken } from './sessions.repo'

/** A wall-screen link: a read-only view of part of a tenant, opened without a password. */
export interface KioskLink {
  id: number
  name: string
  scope: Scope
  createdBy: number | null
  createdAt: number
  revokedAt: number | null
  lastUsedAt: number | null
}

/** A link's row as stored (also read by the session check, which joins it). */
export interface KioskRow {
  id: number
  name: string
  namespace: string
  org_prefix: string | null
  skills: string | null
  created_by: number | null
  created_at: number
  revoked_at: number | null
  last_used_at: number | null
}

export class KiosksRepo {
  constructor(private readonly db: Sql) {}

  async create(k: {
    token: string
    name: string
    scope: Scope
    createdBy: number | null
    now: number
  }): Promise<KioskLink> {
    const skills = k.scope.skills === null ? null : JSON.stringify(k.scope.skills)
    const { rows } = await sql<KioskRow>`
      INSERT INTO kiosk_links (token_hash, name, namespace, org_prefix, skills, created_by, created_at)
      VALUES (${hashToken(k.token)}, ${k.name}, ${k.scope.namespace}, ${k.scope.orgPrefix},
              ${skills}, ${k.createdBy}, ${k.now})
      RETURNING *`.execute(this.db)
    return toKiosk(rows[0]!)
  }

  async byId(id: number): Promise<KioskLink | null> {
    const { rows } = await sql<KioskRow>`SELECT * FROM kiosk_links WHERE id = ${id}`.execute(
      this.db,
    )
    return rows[0] ? toKiosk(rows[0]) : null
  }

  async byToken(token: string): Promise<KioskLink | null> {
    const { rows } = await sql<KioskRow>`
      SELECT * FROM kiosk_links WHERE token_hash = ${hashToken(token)}`.execute(this.db)
    return rows[0] ? toKiosk(rows[0]) : null
  }

  async list(namespace: string): Promise<KioskLink[]> {
    // Newest first; links minted in the same millisecond too, on either engine.
    const { rows } = await sql<KioskRow>`
      SELECT * FROM kiosk_links WHERE namespace = ${namespace}
      ORDER BY created_at DESC, id DESC`.execute(this.db)
    return rows.map(toKiosk)
  }

  async revoke(id: number, now: number): Promise<void> {
    await sql`UPDATE kiosk_links SET revoked_at = ${now}
              WHERE id = ${id} AND revoked_at IS NULL`.execute(this.db)
  }

  async markUsed(id: number, now: number): Promise<void> {
    await sql`UPDATE kiosk_links SET last_used_at = ${now} WHERE id = ${id}`.execute(this.db)
  }
}

export function toKiosk(r: KioskRow): KioskLink {
  return {
    id: Number(r.id),
    name: r.name,
    scope: {
      namespace: r.namespace,
      orgPrefix: r.org_prefix,
      skills: r.skills === null ? null : (JSON.parse(r.skills) as string[]),
    },
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: Number(r.created_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
  }
}
