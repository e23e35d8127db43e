import type { Db } from '../db/database'

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

/** Storage of minted webhook tokens (table `webhook_tokens`). */
export class WebhookTokensRepo {
  constructor(private readonly db: Db) {}

  create(t: {
    tokenHash: string
    name: string
    namespace: string
    createdById: number | null
    createdBy: string
    now: number
  }): WebhookToken {
    const info = this.db
      .prepare(
        `INSERT INTO webhook_tokens (token_hash, name, namespace, created_by, created_by_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(t.tokenHash, t.name, t.namespace, t.createdById, t.createdBy, t.now)
    return this.byId(Number(info.lastInsertRowid))!
  }

  byId(id: number): WebhookToken | null {
    const row = this.db.prepare('SELECT * FROM webhook_tokens WHERE id = ?').get(id) as
      TokenRow | undefined
    return row ? toToken(row) : null
  }

  /** A tenant's tokens, revoked ones included, newest first. */
  list(namespace: string): WebhookToken[] {
    const rows = this.db
      .prepare('SELECT * FROM webhook_tokens WHERE namespace = ? ORDER BY created_at DESC, id DESC')
      .all(namespace) as TokenRow[]
    return rows.map(toToken)
  }

  /** Hash, id and tenant of every token not revoked: what the webhook admits. */
  active(): { id: number; tokenHash: string; namespace: string }[] {
    return this.db
      .prepare(
        'SELECT id, token_hash AS tokenHash, namespace FROM webhook_tokens WHERE revoked_at IS NULL',
      )
      .all() as { id: number; tokenHash: string; namespace: string }[]
  }

  revoke(id: number, now: number): void {
    this.db
      .prepare('UPDATE webhook_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(now, id)
  }

  markUsed(id: number, at: number): void {
    this.db.prepare('UPDATE webhook_tokens SET last_used_at = ? WHERE id = ?').run(at, id)
  }
}

function toToken(r: TokenRow): WebhookToken {
  return {
    id: r.id,
    name: r.name,
    namespace: r.namespace,
    createdBy: r.created_by_name,
    createdAt: Number(r.created_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
  }
}
