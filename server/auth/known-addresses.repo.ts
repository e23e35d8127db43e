import type { Db } from '../db/database'

// Addresses remembered per user: the most recent ones, and none older than 90 days.
export const KNOWN_ADDRESSES_PER_USER = 10
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60 * 1000

/** Addresses (see `addressKey`) each user signed in from successfully, bounded per user. */
export class KnownAddressesRepo {
  constructor(private readonly db: Db) {}

  isKnown(userId: number, address: string, now: number): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM known_addresses WHERE user_id = ? AND address = ? AND last_at >= ?')
        .get(userId, address, now - KNOWN_ADDRESS_MS) !== undefined
    )
  }

  /** Remembers a successful sign-in, and forgets this user's oldest and stale addresses. */
  remember(userId: number, address: string, now: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO known_addresses (user_id, address, last_at) VALUES (?, ?, ?)
           ON CONFLICT (user_id, address) DO UPDATE SET last_at = excluded.last_at`,
        )
        .run(userId, address, now)
      this.db
        .prepare(
          `DELETE FROM known_addresses WHERE user_id = ? AND (last_at < ? OR address NOT IN (
             SELECT address FROM known_addresses WHERE user_id = ? ORDER BY last_at DESC LIMIT ?))`,
        )
        .run(userId, now - KNOWN_ADDRESS_MS, userId, KNOWN_ADDRESSES_PER_USER)
    })()
  }

  list(userId: number): string[] {
    const rows = this.db
      .prepare('SELECT address FROM known_addresses WHERE user_id = ? ORDER BY last_at DESC')
      .all(userId) as { address: string }[]
    return rows.map((r) => r.address)
  }
}
