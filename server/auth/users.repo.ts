import type { AdminUser } from '@/shared/admin'
import type { Role, Scope } from '@/shared/auth'
import type { Db } from '../db/database'

/**
 * A user as the relay keeps it: exactly what the admin pages are shown. The password hash
 * stays in its row (`UserRow`) and is never part of a User, so it cannot reach an answer.
 */
export type User = AdminUser

interface UserRow {
  id: number
  username: string
  password_hash: string
  role: Role
  namespace: string
  org_prefix: string | null
  skills: string | null
  disabled: number
  device_id: string | null
  phone_number: string | null
  created_at: number
  updated_at: number
}

export interface NewUser {
  username: string
  passwordHash: string
  role: Role
  scope: Scope
}

export interface UserChanges {
  role?: Role
  orgPrefix?: string | null
  skills?: string[] | null
  disabled?: boolean
  deviceId?: string | null
  phoneNumber?: string | null
}

export class DuplicateUsernameError extends Error {}

/** Users of the console; usernames are unique across tenants because sign-in names no tenant. */
export class UsersRepo {
  constructor(private readonly db: Db) {}

  create(u: NewUser, now: number): User {
    try {
      const info = this.db
        .prepare(
          `INSERT INTO users (username, password_hash, role, namespace, org_prefix, skills, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          u.username,
          u.passwordHash,
          u.role,
          u.scope.namespace,
          u.scope.orgPrefix,
          skillsText(u.scope.skills),
          now,
          now,
        )
      return this.byId(Number(info.lastInsertRowid))!
    } catch (err) {
      if (err instanceof Error && /UNIQUE/.test(err.message))
        throw new DuplicateUsernameError(u.username)
      throw err
    }
  }

  byId(id: number): User | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
    return row ? toUser(row) : null
  }

  /** The user and their password hash, for sign-in. */
  credentials(username: string): { user: User; passwordHash: string } | null {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as
      UserRow | undefined
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null
  }

  list(namespace: string | null): User[] {
    const rows = (
      namespace === null
        ? this.db.prepare('SELECT * FROM users ORDER BY username').all()
        : this.db
            .prepare('SELECT * FROM users WHERE namespace = ? ORDER BY username')
            .all(namespace)
    ) as UserRow[]
    return rows.map(toUser)
  }

  update(id: number, c: UserChanges, now: number): User | null {
    const sets: string[] = []
    const values: unknown[] = []
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`)
      values.push(value)
    }
    if (c.role !== undefined) set('role', c.role)
    if (c.orgPrefix !== undefined) set('org_prefix', c.orgPrefix)
    if (c.skills !== undefined) set('skills', skillsText(c.skills))
    if (c.disabled !== undefined) set('disabled', c.disabled ? 1 : 0)
    if (c.deviceId !== undefined) set('device_id', c.deviceId)
    if (c.phoneNumber !== undefined) set('phone_number', c.phoneNumber)
    set('updated_at', now)
    this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...values, id)
    return this.byId(id)
  }

  setPassword(id: number, passwordHash: string, now: number): void {
    this.db
      .prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?')
      .run(passwordHash, now, id)
  }

  hasActiveAdmin(): boolean {
    return (
      this.db.prepare("SELECT 1 FROM users WHERE role = 'admin' AND disabled = 0 LIMIT 1").get() !==
      undefined
    )
  }
}

function skillsText(skills: string[] | null): string | null {
  return skills === null ? null : JSON.stringify(skills)
}

function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    role: r.role,
    scope: {
      namespace: r.namespace,
      orgPrefix: r.org_prefix,
      skills: r.skills === null ? null : (JSON.parse(r.skills) as string[]),
    },
    disabled: r.disabled !== 0,
    deviceId: r.device_id,
    phoneNumber: r.phone_number,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  }
}
