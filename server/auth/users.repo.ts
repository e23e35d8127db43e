import { sql } from 'kysely'
import type { AdminUser } from '@/shared/admin'
import type { Role, Scope } from '@/shared/auth'
import type { Sql } from '../db/store'

/**
 * A user as the relay keeps it: exactly what the admin pages are shown. The password hash
 * stays in its row (`UserRow`) and is never part of a User, so it cannot reach an answer.
 */
export type User = AdminUser

/** A user's row as stored (also read by the session check, which joins it). */
export interface UserRow {
  id: number
  username: string
  password_hash: string
  role: Role
  namespace: string
  org_prefix: string | null
  skills: string | null
  disabled: number | boolean
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
  constructor(private readonly db: Sql) {}

  async create(u: NewUser, now: number): Promise<User> {
    // A taken name inserts nothing (rather than failing in each engine's own words).
    const { rows } = await sql<UserRow>`
      INSERT INTO users (username, password_hash, role, namespace, org_prefix, skills, created_at, updated_at)
      VALUES (${u.username}, ${u.passwordHash}, ${u.role}, ${u.scope.namespace},
              ${u.scope.orgPrefix}, ${skillsText(u.scope.skills)}, ${now}, ${now})
      ON CONFLICT (username) DO NOTHING
      RETURNING *`.execute(this.db)
    if (!rows[0]) throw new DuplicateUsernameError(u.username)
    return toUser(rows[0])
  }

  async byId(id: number): Promise<User | null> {
    const { rows } = await sql<UserRow>`SELECT * FROM users WHERE id = ${id}`.execute(this.db)
    return rows[0] ? toUser(rows[0]) : null
  }

  /** The user and their password hash, for sign-in. */
  async credentials(username: string): Promise<{ user: User; passwordHash: string } | null> {
    const { rows } = await sql<UserRow>`SELECT * FROM users WHERE username = ${username}`.execute(
      this.db,
    )
    const row = rows[0]
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null
  }

  async list(namespace: string | null): Promise<User[]> {
    const where = namespace === null ? sql`` : sql`WHERE namespace = ${namespace}`
    const { rows } = await sql<UserRow>`SELECT * FROM users ${where} ORDER BY username`.execute(
      this.db,
    )
    return rows.map(toUser)
  }

  async update(id: number, c: UserChanges, now: number): Promise<User | null> {
    const sets = [sql`updated_at = ${now}`]
    if (c.role !== undefined) sets.push(sql`role = ${c.role}`)
    if (c.orgPrefix !== undefined) sets.push(sql`org_prefix = ${c.orgPrefix}`)
    if (c.skills !== undefined) sets.push(sql`skills = ${skillsText(c.skills)}`)
    if (c.disabled !== undefined) sets.push(sql`disabled = ${c.disabled ? 1 : 0}`)
    if (c.deviceId !== undefined) sets.push(sql`device_id = ${c.deviceId}`)
    if (c.phoneNumber !== undefined) sets.push(sql`phone_number = ${c.phoneNumber}`)
    const { rows } = await sql<UserRow>`
      UPDATE users SET ${sql.join(sets)} WHERE id = ${id} RETURNING *`.execute(this.db)
    return rows[0] ? toUser(rows[0]) : null
  }

  async setPassword(id: number, passwordHash: string, now: number): Promise<void> {
    await sql`UPDATE users SET password_hash = ${passwordHash}, updated_at = ${now}
              WHERE id = ${id}`.execute(this.db)
  }

  async hasActiveAdmin(): Promise<boolean> {
    const { rows } = await sql`
      SELECT 1 AS one FROM users WHERE role = 'admin' AND disabled = 0 LIMIT 1`.execute(this.db)
    return rows.length > 0
  }
}

function skillsText(skills: string[] | null): string | null {
  return skills === null ? null : JSON.stringify(skills)
}

export function toUser(r: UserRow): User {
  return {
    id: Number(r.id),
    username: r.username,
    role: r.role,
    scope: {
      namespace: r.namespace,
      orgPrefix: r.org_prefix,
      skills: r.skills === null ? null : (JSON.parse(r.skills) as string[]),
    },
    disabled: Boolean(Number(r.disabled)),
    deviceId: r.device_id,
    phoneNumber: r.phone_number,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  }
}
