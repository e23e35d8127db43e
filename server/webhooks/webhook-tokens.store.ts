import { createHash } from 'node:crypto'
import type { TenantToken } from '../config'
import { randomSecret } from '../lib/secrets'
import type { WebhookToken, WebhookTokensRepo } from './webhook-tokens.repo'

/** What a presented token lets in: events of one tenant. */
export interface Admission {
  namespace: string
  /** The minted token's id; null for a token from the settings. */
  tokenId: number | null
}

/** Tokens from the settings that admit a tenant, and when one of them was last presented. */
export interface SettingsTokens {
  count: number
  lastUsedAt: number | null
}

// "Last used" is written to the database at most this often per token, ms: the webhook is the
// hot path, and a minute is as exact as an admin needs to see a token has gone quiet.
const LAST_USED_WRITE_MS = 60_000
// Entropy of a minted token, bytes (base64url: 32 characters).
const TOKEN_BYTES = 24

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Which tenant each webhook token admits: `WEBHOOK_TOKEN` its own tenant, `WEBHOOK_TOKENS`
 * theirs, and the tokens admins mint (stored as hashes). Every token in force is held in
 * memory by its SHA-256, so admitting a request costs one hash and one map lookup; minting
 * and revoking reload the map, so either takes effect with the next request.
 *
 * The lookup is keyed by the hash, never by the secret: what its timing could reveal is a
 * property of a SHA-256 digest, from which no token can be worked back.
 */
export class WebhookTokens {
  private admitted = new Map<string, Admission>()
  /** Minted tokens: last presented, and last written to the database. */
  private readonly used = new Map<number, { at: number; written: number }>()
  private readonly settingsUsed = new Map<string, number>()
  private readonly settingsCount = new Map<string, number>()

  constructor(
    private readonly repo: WebhookTokensRepo,
    private readonly settings: readonly TenantToken[],
  ) {
    for (const t of new Map(settings.map((s) => [s.token, s])).values()) {
      this.settingsCount.set(t.namespace, (this.settingsCount.get(t.namespace) ?? 0) + 1)
    }
    this.reload()
  }

  /** The tenant `presented` admits, or null for an unknown (or revoked) token. */
  admit(presented: string, now: number): Admission | null {
    const admission = this.admitted.get(hashOf(presented))
    if (!admission) return null
    if (admission.tokenId === null) {
      this.settingsUsed.set(admission.namespace, now)
    } else {
      const used = this.used.get(admission.tokenId)
      if (!used || now - used.written >= LAST_USED_WRITE_MS) {
        this.repo.markUsed(admission.tokenId, now)
        this.used.set(admission.tokenId, { at: now, written: now })
      } else {
        used.at = now
      }
    }
    return admission
  }

  /** Mints a token for `namespace`; the secret is answered this once and only its hash kept. */
  mint(m: {
    name: string
    namespace: string
    createdById: number | null
    createdBy: string
    now: number
  }): { token: WebhookToken; secret: string } {
    const secret = randomSecret(TOKEN_BYTES)
    const token = this.repo.create({ ...m, tokenHash: hashOf(secret) })
    this.reload()
    return { token, secret }
  }

  /** Revokes a token: the next request presenting it is refused. */
  revoke(id: number, now: number): void {
    this.repo.revoke(id, now)
    this.used.delete(id)
    this.reload()
  }

  /** Writes the "last used" times not written yet (on shutdown). */
  flush(): void {
    for (const [id, used] of this.used) {
      if (used.at > used.written) {
        this.repo.markUsed(id, used.at)
        used.written = used.at
      }
    }
  }

  byId(id: number): WebhookToken | null {
    return this.withLastUse(this.repo.byId(id))
  }

  /** A tenant's minted tokens, revoked ones included, newest first. */
  list(namespace: string): WebhookToken[] {
    return this.repo.list(namespace).map((t) => this.withLastUse(t)!)
  }

  /** The tokens from the settings that admit `namespace`. */
  fromSettings(namespace: string): SettingsTokens {
    return {
      count: this.settingsCount.get(namespace) ?? 0,
      lastUsedAt: this.settingsUsed.get(namespace) ?? null,
    }
  }

  private withLastUse(t: WebhookToken | null): WebhookToken | null {
    const at = t ? this.used.get(t.id)?.at : undefined
    return t && at !== undefined && (t.lastUsedAt === null || at > t.lastUsedAt)
      ? { ...t, lastUsedAt: at }
      : t
  }

  private reload(): void {
    const next = new Map<string, Admission>()
    for (const s of this.settings)
      next.set(hashOf(s.token), { namespace: s.namespace, tokenId: null })
    for (const t of this.repo.active()) {
      // A minted token never shadows one from the settings (the chance is 2^-192 anyway).
      if (!next.has(t.tokenHash)) next.set(t.tokenHash, { namespace: t.namespace, tokenId: t.id })
    }
    this.admitted = next
  }
}
