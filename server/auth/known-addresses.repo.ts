import { sql } from 'kysely'
import type { Sql } from '../db/store'

// Addresses remembered per user: the most recent ones, and none older than 90 days.
export const KNOWN_ADDRESSES_PER_USER = 10
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60 * 1000

/** Addresses (see `addressKey`) each user signed in from successfully, bounded per user. */
export class KnownAddressesRepo {
  constructor(private readonly db: Sql) {}

  async isKnown(userId: number, address: string, now: number): Promise<boolean> {
    const { rows } = await sql`
      SELECT 1 AS one FROM known_addresses
      WHERE user_id = ${userId} AND address = ${address} AND last_at >= ${now - KNOWN_ADDRESS_MS}`.execute(
      this.db,
    )
    return rows.length > 0
  }

  /** Remembers a successful sign-in, and forgets this user's oldest and stale addresses. */
  async remember(userId: number, address: string, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO known_addresses (user_id, address, last_at) VALUES (${userId}, ${address}, ${now})
        ON CONFLICT (user_id, address) DO UPDATE SET last_at = excluded.last_at`.execute(trx)
      await sql`
        DELETE FROM known_addresses WHERE user_id = ${userId} AND (last_at < ${now - KNOWN_ADDRESS_MS}
          OR address NOT IN (
            SELECT address FROM known_addresses WHERE user_id = ${userId}
            ORDER BY last_at DESC, address LIMIT ${KNOWN_ADDRESSES_PER_USER}))`.execute(trx)
    })
  }

  async list(userId: number): Promise<string[]> {
    const { rows } = await sql<{ address: string }>`
      SELECT address FROM known_addresses WHERE user_id = ${userId}
      ORDER BY last_at DESC, address`.execute(this.db)
    return rows.map((r) => r.address)
  }
}
