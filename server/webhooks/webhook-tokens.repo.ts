import { sql } from 'kysely'
import type { Sql } from '../db/store'

/** A webhook token an admin minted for a tenant. Only the hash of its secret is stored. */
export interface WebhookToken {
  id: number
  name: string
  namespace: string
  /** User name of the admin who minted it (kept when the account is deleted). */
  createdBy: string
  createdAt: number
  revokedAt: number | null
  lastUsedAt: number | null
}

interface TokenRow {
  id: number
  name: string
  namespace: string
  created_by_name: string
  created_at: number
  revoked_at: number | null
  last_used_at: number | null
}

const COLUMNS = sql.raw(
  'id, name, namespace, created_by_name, created_at, revoked_at, last_used_at',
)

/** Storage of minted webhook tokens (table `webhook_tokens`). */
export class WebhookTokensRepo {
  constructor(private readonly db: Sql) {}

  async create(t: {
    tokenHash: string
    name: string
    namespace: string
    createdById: number | null
    createdBy: string
    now: number
  }): Promise<WebhookToken> {
    const { rows } = await sql<TokenRow>`
      INSERT INTO webhook_tokens (token_hash, name, namespace, created_by, created_by_name,
        created_at)
      VALUES (${t.tokenHash}, ${t.name}, ${t.namespace}, ${t.createdById}, ${t.createdBy}, ${t.now})
      RETURNING ${COLUMNS}`.execute(this.db)
    return toToken(rows[0]!)
  }

  async byId(id: number): Promise<WebhookToken | null> {
    const { rows } = await sql<TokenRow>`
      SELECT ${COLUMNS} FROM webhook_tokens WHERE id = ${id}`.execute(this.db)
    return rows[0] ? toToken(rows[0]) : null
  }

  /** A tenant's tokens, revoked ones included, newest first. */
  async list(namespace: string): Promise<WebhookToken[]> {
    const { rows } = await sql<TokenRow>`
      SELECT ${COLUMNS} FROM webhook_tokens WHERE namespace = ${namespace}
      ORDER BY created_at DESC, id DESC`.execute(this.db)
    return rows.map(toToken)
  }

  /** Hash, id and tenant of every token not revoked: what the webhook admits. */
  async active(): Promise<{ id: number; tokenHash: string; namespace: string }[]> {
    const { rows } = await sql<{ id: number; token_hash: string; namespace: string }>`
      SELECT id, token_hash, namespace FROM webhook_tokens WHERE revoked_at IS NULL`.execute(
      this.db,
    )
    return rows.map((r) => ({ id: Number(r.id), tokenHash: r.token_hash, namespace: r.namespace }))
  }

  async revoke(id: number, now: number): Promise<void> {
    await sql`
      UPDATE webhook_tokens SET revoked_at = ${now}
      WHERE id = ${id} AND revoked_at IS NULL`.execute(this.db)
  }

  /** The token was presented at `at`; an earlier time (another relay's, late) never wins. */
  async markUsed(id: number, at: number): Promise<void> {
    await sql`
      UPDATE webhook_tokens SET last_used_at = ${at}
      WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at < ${at})`.execute(this.db)
  }
}

function toToken(r: TokenRow): WebhookToken {
  return {
    id: Number(r.id),
    name: r.name,
    namespace: r.namespace,
    createdBy: r.created_by_name,
    createdAt: Number(r.created_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
  }
}
