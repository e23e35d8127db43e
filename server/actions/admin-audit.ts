import type { AdminOp, OutboundOp } from '@/shared/actions'
import type { Me } from '@/shared/auth'
import type { AuditRepo } from './audit.repo'

/** One change an admin made, as the audit log keeps it. */
export interface AdminChange {
  op: AdminOp | OutboundOp
  /** What was changed: a user name, a wall screen's or token's name, "thresholds"… */
  target: string
  /** What changed, e.g. `role: viewer → supervisor; disabled: true`; null when the op says it all. */
  message?: string | null
  /** The status the console answered. */
  status: number
}

/**
 * Records an admin's change in the audit log. Awaited before the answer: the entry is there
 * when the admin looks.
 */
export type AuditAdmin = (
  who: Pick<Me, 'id' | 'username' | 'scope'>,
  change: AdminChange,
) => Promise<void>

// Each audit entry's message is bounded: long scope lists are cut, not stored whole.
const MAX_MESSAGE_CHARS = 1000

export function adminAuditor(audit: AuditRepo, now: () => number): AuditAdmin {
  return async (who, c) => {
    await audit.insert({
      at: now(),
      userId: who.id,
      username: who.username,
      namespace: who.scope.namespace,
      agentId: c.target,
      deviceId: null,
      callId: null,
      op: c.op,
      reason: null,
      supervisorDevice: null,
      outcome: 'ok',
      status: c.status,
      upstreamStatus: null,
      message: c.message ? c.message.slice(0, MAX_MESSAGE_CHARS) : null,
      latencyMs: null,
    })
  }
}

/** `field: before → after` for each field that changed; null when none did. */
export function changesOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string | null {
  const parts: string[] = []
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue
    const was = shown(before[key])
    const now = shown(after[key])
    if (was !== now) parts.push(`${key}: ${was} → ${now}`)
  }
  return parts.length > 0 ? parts.join('; ') : null
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return '—'
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(String).join(', ')
  return typeof v === 'string' ? v : JSON.stringify(v)
}
