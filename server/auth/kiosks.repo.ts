import type { Scope } from '@/shared/auth'
import type { Db } from '../db/database'
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

interface KioskRow {
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
  constructor(private readonly db: Db) {}

  create(k: {
    token: string
    name: string
    scope: Scope
    createdBy: number | null
    now: number
  }): KioskLink {
    const info = this.db
      .prepare(
        `INSERT INTO kiosk_links (token_hash, name, namespace, org_prefix, skills, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashToken(k.token),
        k.name,
        k.scope.namespace,
        k.scope.orgPrefix,
        k.scope.skills === null ? null : JSON.stringify(k.scope.skills),
        k.createdBy,
        k.now,
      )
    return this.byId(Number(info.lastInsertRowid))!
  }

  byId(id: number): KioskLink | null {
    const row = this.db.prepare('SELECT * FROM kiosk_links WHERE id = ?').get(id) as
      KioskRow | undefined
    return row ? toKiosk(row) : null
  }

  byToken(token: string): KioskLink | null {
    const row = this.db
      .prepare('SELECT * FROM kiosk_links WHERE token_hash = ?')
      .get(hashToken(token)) as KioskRow | undefined
    return row ? toKiosk(row) : null
  }

  list(namespace: string): KioskLink[] {
    return (
      this.db
        .prepare('SELECT * FROM kiosk_links WHERE namespace = ? ORDER BY created_at DESC')
        .all(namespace) as KioskRow[]
    ).map(toKiosk)
  }

  revoke(id: number, now: number): void {
    this.db
      .prepare('UPDATE kiosk_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(now, id)
  }

  markUsed(id: number, now: number): void {
    this.db.prepare('UPDATE kiosk_links SET last_used_at = ? WHERE id = ?').run(now, id)
  }
}

function toKiosk(r: KioskRow): KioskLink {
  return {
    id: r.id,
    name: r.name,
    scope: {
      namespace: r.namespace,
      orgPrefix: r.org_prefix,
      skills: r.skills === null ? null : (JSON.parse(r.skills) as string[]),
    },
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
  }
}
