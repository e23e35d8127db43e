import { createHash } from 'node:crypto'
import type { Db } from '../db/database'

export interface SessionRow {
  id: string
  user_id: number | null
  kiosk_id: number | null
  csrf: string
  created_at: number
  last_seen_at: number
  expires_at: number
}

/** The database keeps only a hash of each session token: a leaked backup signs nobody in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export class SessionsRepo {
  constructor(private readonly db: Db) {}

  create(s: {
    token: string
    userId: number | null
    kioskId: number | null
    csrf: string
    now: number
    expiresAt: number
    ip: string | null
    userAgent: string | null
  }): void {
    this.db
      .prepare(
        `INSERT INTO sessions (id, user_id, kiosk_id, csrf, created_at, last_seen_at, expires_at, ip, user_agent)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hashToken(s.token),
        s.userId,
        s.kioskId,
        s.csrf,
        s.now,
        s.now,
        s.expiresAt,
        s.ip,
        s.userAgent?.slice(0, 300) ?? null,
      )
  }

  find(token: string): SessionRow | null {
    return (
      (this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(hashToken(token)) as
        SessionRow | undefined) ?? null
    )
  }

  touch(id: string, now: number): void {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, id)
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id)
  }

  deleteForUser(userId: number): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId)
  }

  deleteForKiosk(kioskId: number): void {
    this.db.prepare('DELETE FROM sessions WHERE kiosk_id = ?').run(kioskId)
  }

  /** Removes sessions past their absolute expiry or idle since `idleBefore` (kiosk sessions never idle out). */
  prune(now: number, idleBefore: number): number {
    return this.db
      .prepare(
        'DELETE FROM sessions WHERE expires_at < ? OR (kiosk_id IS NULL AND last_seen_at < ?)',
      )
      .run(now, idleBefore).changes
  }
}
