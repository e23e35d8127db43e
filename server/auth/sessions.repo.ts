import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { changed, type Sql } from '../db/store'
import { type KioskLink, type KioskRow, toKiosk } from './kiosks.repo'
import { toUser, type User, type UserRow } from './users.repo'

export interface SessionRow {
  id: string
  user_id: number | null
  kiosk_id: number | null
  csrf: string
  created_at: number
  last_seen_at: number
  expires_at: number
}

/** A session with whoever holds it: its user, or its wall-screen link (gone: null). */
export interface SessionWithOwner {
  session: SessionRow
  user: User | null
  kiosk: KioskLink | null
}

/** The database keeps only a hash of each session token: a leaked backup signs nobody in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

// The session check reads a session and its owner in one query: the owner's columns come
// prefixed (both tables have an id, a namespace, …).
const USER_COLUMNS = [
  'id',
  'username',
  'password_hash',
  'role',
  'namespace',
  'org_prefix',
  'skills',
  'disabled',
  'device_id',
  'phone_number',
  'created_at',
  'updated_at',
] as const
const KIOSK_COLUMNS = [
  'id',
  'name',
  'namespace',
  'org_prefix',
  'skills',
  'created_by',
  'created_at',
  'revoked_at',
  'last_used_at',
] as const

const prefixed = (table: string, prefix: string, columns: readonly string[]) =>
  sql.join(columns.map((c) => sql`${sql.ref(`${table}.${c}`)} AS ${sql.ref(`${prefix}${c}`)}`))

/** The columns of `row` that start with `prefix`, without it; null when the join found no row. */
function unprefixed<T>(
  row: Record<string, unknown>,
  prefix: string,
  columns: readonly string[],
): T | null {
  if (row[`${prefix}id`] === null || row[`${prefix}id`] === undefined) return null
  return Object.fromEntries(columns.map((c) => [c, row[`${prefix}${c}`]])) as T
}

export class SessionsRepo {
  constructor(private readonly db: Sql) {}

  async create(s: {
    token: string
    userId: number | null
    kioskId: number | null
    csrf: string
    now: number
    expiresAt: number
    ip: string | null
    userAgent: string | null
  }): Promise<void> {
    await sql`
      INSERT INTO sessions (id, user_id, kiosk_id, csrf, created_at, last_seen_at, expires_at, ip, user_agent)
      VALUES (${hashToken(s.token)}, ${s.userId}, ${s.kioskId}, ${s.csrf}, ${s.now}, ${s.now},
              ${s.expiresAt}, ${s.ip}, ${s.userAgent?.slice(0, 300) ?? null})`.execute(this.db)
  }

  async find(token: string): Promise<SessionRow | null> {
    const { rows } = await sql<SessionRow>`
      SELECT id, user_id, kiosk_id, csrf, created_at, last_seen_at, expires_at
      FROM sessions WHERE id = ${hashToken(token)}`.execute(this.db)
    return rows[0] ? toSession(rows[0]) : null
  }

  /** A session and its owner, in one query (the check every request and socket makes). */
  findWithOwner(token: string): Promise<SessionWithOwner | null> {
    return this.findByIdWithOwner(hashToken(token))
  }

  /** `findWithOwner` by the session's id (the token's hash). */
  async findByIdWithOwner(id: string): Promise<SessionWithOwner | null> {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT s.id, s.user_id, s.kiosk_id, s.csrf, s.created_at, s.last_seen_at, s.expires_at,
             ${prefixed('u', 'u_', USER_COLUMNS)}, ${prefixed('k', 'k_', KIOSK_COLUMNS)}
      FROM sessions s
      LEFT JOIN users u ON u.id = s.user_id
      LEFT JOIN kiosk_links k ON k.id = s.kiosk_id
      WHERE s.id = ${id}`.execute(this.db)
    const row = rows[0]
    if (!row) return null
    const user = unprefixed<UserRow>(row, 'u_', USER_COLUMNS)
    const kiosk = unprefixed<KioskRow>(row, 'k_', KIOSK_COLUMNS)
    return {
      session: toSession(row as unknown as SessionRow),
      user: user && toUser(user),
      kiosk: kiosk && toKiosk(kiosk),
    }
  }

  async touch(id: string, now: number): Promise<void> {
    await sql`UPDATE sessions SET last_seen_at = ${now} WHERE id = ${id}`.execute(this.db)
  }

  async delete(id: string): Promise<void> {
    await sql`DELETE FROM sessions WHERE id = ${id}`.execute(this.db)
  }

  async deleteForUser(userId: number): Promise<void> {
    await sql`DELETE FROM sessions WHERE user_id = ${userId}`.execute(this.db)
  }

  async deleteForKiosk(kioskId: number): Promise<void> {
    await sql`DELETE FROM sessions WHERE kiosk_id = ${kioskId}`.execute(this.db)
  }

  /** Removes sessions past their absolute expiry or idle since `idleBefore` (kiosk sessions never idle out). */
  async prune(now: number, idleBefore: number): Promise<number> {
    const result = await sql`
      DELETE FROM sessions
      WHERE expires_at < ${now} OR (kiosk_id IS NULL AND last_seen_at < ${idleBefore})`.execute(
      this.db,
    )
    return changed(result)
  }
}

// Ids and times are numbers whichever engine read them.
function toSession(r: SessionRow): SessionRow {
  return {
    id: r.id,
    user_id: r.user_id === null ? null : Number(r.user_id),
    kiosk_id: r.kiosk_id === null ? null : Number(r.kiosk_id),
    csrf: r.csrf,
    created_at: Number(r.created_at),
    last_seen_at: Number(r.last_seen_at),
    expires_at: Number(r.expires_at),
  }
}
