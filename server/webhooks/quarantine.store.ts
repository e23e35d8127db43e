import { createHash } from 'node:crypto'
import {
  QUARANTINE_LIST_BODY_CHARS,
  type QuarantineEntry,
  type QuarantinePage,
  type QuarantineSummary,
  type ReplayResult,
} from '@/shared/webhook-quarantine'
import type { WriteBatcher } from '../db/write-batcher'
import type { NewQuarantined, QuarantineRepo, StoredEntry } from './quarantine.repo'

/** How much each tenant's quarantine may hold (WEBHOOK_QUARANTINE_MAX_ENTRIES, _MAX_MB). */
export interface QuarantineLimits {
  maxEntries: number
  maxBytes: number
}

// A reason is the webhook's 400 message, which lists every wrong field: a body with thousands
// of them must not store a reason longer than the body. Characters.
const MAX_REASON_CHARS = 2000

/**
 * Webhook bodies refused after the token check, kept so that no platform event is lost for
 * good. Each is written through the write batcher and committed before the webhook answers.
 * Each tenant's share is bounded (anyone holding its token could send refused bodies without
 * end): past the bound its oldest entries are dropped, and counted.
 */
export class WebhookQuarantine {
  constructor(
    private readonly repo: QuarantineRepo,
    private readonly writes: WriteBatcher,
    private readonly limits: QuarantineLimits,
  ) {}

  /**
   * Keeps a refused body; resolves once it is committed (and the bound applied). The same body
   * again, while the first waits, is counted on that entry rather than kept twice: a refused
   * callEnd is retried by the platform up to 30 times, and must not push out other events.
   */
  keep(e: NewQuarantined): Promise<void> {
    const reason = cut(e.reason, MAX_REASON_CHARS)
    const bodyHash = e.bodyKept ? createHash('sha256').update(e.body).digest('base64url') : null
    return this.writes.write(async (trx) => {
      const waiting = bodyHash === null ? null : await this.repo.waiting(trx, e.namespace, bodyHash)
      if (waiting !== null) {
        await this.repo.repeat(trx, waiting, e.receivedAt, reason)
        return
      }
      await this.repo.insert(trx, { ...e, reason, bodyHash })
      // The newest entry always stays, even alone over the byte bound (the bound is at least
      // one whole body of the webhook's 1 MB limit).
      let usage = await this.repo.usage(e.namespace, trx)
      while (
        usage.entries > 1 &&
        (usage.entries > this.limits.maxEntries || usage.bytes > this.limits.maxBytes)
      ) {
        if (!(await this.repo.dropOldest(trx, e.namespace))) break
        usage = await this.repo.usage(e.namespace, trx)
      }
    })
  }

  /** A page of the tenant's entries, newest first, bodies cut to QUARANTINE_LIST_BODY_CHARS. */
  async page(namespace: string, limit: number, offset: number): Promise<QuarantinePage> {
    const stored = await this.repo.page(namespace, limit, offset, QUARANTINE_LIST_BODY_CHARS)
    const entries = stored.map(({ bodyChars, namespace: _ns, ...e }) => ({
      ...e,
      bodyTruncated: bodyChars > QUARANTINE_LIST_BODY_CHARS,
    }))
    return { ...(await this.summary(namespace)), entries }
  }

  async summary(namespace: string): Promise<QuarantineSummary> {
    const [usage, pending, dropped] = await Promise.all([
      this.repo.usage(namespace),
      this.repo.pending(namespace),
      this.repo.dropped(namespace),
    ])
    return { total: usage.entries, pending, dropped }
  }

  /** One of the tenant's entries with its whole body, or null (none, or another tenant's). */
  get(namespace: string, id: number): Promise<StoredEntry | null> {
    return this.repo.byId(namespace, id)
  }

  /** Records that a replay applied the entry; it stays listed (as replayed) until pruned. */
  async markReplayed(
    entry: StoredEntry,
    at: number,
    by: string,
    result: ReplayResult,
  ): Promise<QuarantineEntry> {
    await this.writes.write((trx) => this.repo.markReplayed(trx, entry.id, at, by, result))
    return listed({ ...entry, replayedAt: at, replayedBy: by, replayResult: result })
  }

  /** A replay still failed: the entry keeps the newest reason. */
  async setReason(entry: StoredEntry, reason: string): Promise<void> {
    const r = cut(reason, MAX_REASON_CHARS)
    if (r !== entry.reason) await this.writes.write((trx) => this.repo.setReason(trx, entry.id, r))
  }

  /** Forgets entries received before `before` (epoch ms); returns how many. */
  prune(before: number): Promise<number> {
    return this.repo.prune(before)
  }
}

/** An entry as a list shows it: the body cut to QUARANTINE_LIST_BODY_CHARS. */
export function listed(e: StoredEntry): QuarantineEntry {
  const { namespace: _ns, ...rest } = e
  const head = headOf(e.body, QUARANTINE_LIST_BODY_CHARS)
  return { ...rest, body: head ?? e.body, bodyTruncated: head !== null }
}

/** The first `max` characters (code points, as SQLite counts them), or null when it all fits. */
function headOf(text: string, max: number): string | null {
  if (text.length <= max) return null
  let i = 0
  for (let n = 0; n < max && i < text.length; n += 1) i += text.codePointAt(i)! > 0xffff ? 2 : 1
  return i < text.length ? text.slice(0, i) : null
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
