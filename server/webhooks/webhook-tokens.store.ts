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
 * memory by its SHA-256, so admitting a request costs one hash and one map lookup, never a
 * query: the minted ones are read at start (`reload`, before the relay answers), and minting
 * and revoking change the map as they are written, so either takes effect with the next
 * request. Another relay process's mint or revoke reaches this one with its next `reload`.
 *
 * The lookup is keyed by the hash, never by the secret: what its timing could reveal is a
 * property of a SHA-256 digest, from which no token can be worked back.
 */
export class WebhookTokens {
  private admitted = new Map<string, Admission>()
  /** Minted tokens in force, by id. */
  private minted = new Map<number, { tokenHash: string; namespace: string }>()
  /** Mints and revokes made here: a reload that read the database before one of them reads again. */
  private changes = 0
  /** Minted tokens: last presented, and last written to the database. */
  private readonly used = new Map<number, { at: number; written: number }>()
  /** "Last used" writes under way, awaited by `flush`. */
  private readonly writing = new Set<Promise<void>>()
  private readonly settingsUsed = new Map<string, number>()
  private readonly settingsCount = new Map<string, number>()

  constructor(
    private readonly repo: WebhookTokensRepo,
    private readonly settings: readonly TenantToken[],
    /** A "last used" time could not be written (the webhook is answered all the same). */
    private readonly onError: (err: unknown) => void,
  ) {
    for (const t of new Map(settings.map((s) => [s.token, s])).values()) {
      this.settingsCount.set(t.namespace, (this.settingsCount.get(t.namespace) ?? 0) + 1)
    }
    this.rebuild()
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
        this.writeLastUse(admission.tokenId, now)
        this.used.set(admission.tokenId, { at: now, written: now })
      } else {
        used.at = now
      }
    }
    return admission
  }

  /** Mints a token for `namespace`; the secret is answered this once and only its hash kept. */
  /** Told after each mint or revoke made here (the other relay processes read the tokens again). */
  onChange: ((namespace: string | null) => void | Promise<void>) | null = null

  async mint(m: {
    name: string
    namespace: string
    createdById: number | null
    createdBy: string
    now: number
  }): Promise<{ token: WebhookToken; secret: string }> {
    const secret = randomSecret(TOKEN_BYTES)
    const tokenHash = hashOf(secret)
    const token = await this.repo.create({ ...m, tokenHash })
    this.changes += 1
    this.minted.set(token.id, { tokenHash, namespace: token.namespace })
    this.rebuild()
    await this.onChange?.(token.namespace)
    return { token, secret }
  }

  /** Revokes a token: the next request presenting it is refused. */
  async revoke(id: number, now: number): Promise<void> {
    await this.repo.revoke(id, now)
    this.changes += 1
    this.minted.delete(id)
    this.used.delete(id)
    this.rebuild()
    await this.onChange?.(null)
  }

  /**
   * Reads the minted tokens in force again: at start, and when another relay process minted or
   * revoked one.
   */
  async reload(): Promise<void> {
    for (;;) {
      const seen = this.changes
      const active = await this.repo.active()
      // A mint or revoke here finished while the database was read: what was read may predate
      // it (a revoked token still in force), so read again.
      if (seen !== this.changes) continue
      this.minted = new Map(active.map((t) => [t.id, t]))
      this.rebuild()
      return
    }
  }

  /** Writes the "last used" times not written yet, and waits for those under way (on shutdown). */
  async flush(): Promise<void> {
    for (const [id, used] of this.used) {
      if (used.at > used.written) {
        this.writeLastUse(id, used.at)
        used.written = used.at
      }
    }
    await Promise.all(this.writing)
  }

  async byId(id: number): Promise<WebhookToken | null> {
    return this.withLastUse(await this.repo.byId(id))
  }

  /** A tenant's minted tokens, revoked ones included, newest first. */
  async list(namespace: string): Promise<WebhookToken[]> {
    return (await this.repo.list(namespace)).map((t) => this.withLastUse(t)!)
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

  /** Not awaited: the webhook is never held back for a "last used" time. */
  private writeLastUse(id: number, at: number): void {
    const write: Promise<void> = this.repo
      .markUsed(id, at)
      .catch(this.onError)
      .finally(() => this.writing.delete(write))
    this.writing.add(write)
  }

  private rebuild(): void {
    const next = new Map<string, Admission>()
    for (const s of this.settings)
      next.set(hashOf(s.token), { namespace: s.namespace, tokenId: null })
    for (const [id, t] of this.minted) {
      // A minted token never shadows one from the settings (the chance is 2^-192 anyway).
      if (!next.has(t.tokenHash)) next.set(t.tokenHash, { namespace: t.namespace, tokenId: id })
    }
    this.admitted = next
  }
}
