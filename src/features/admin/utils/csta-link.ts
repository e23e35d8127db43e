import type { CstaHealth } from '@/shared/health'

/** Statuses of a CSTA call that mean the session was refused (the relay then logs in again). */
const SESSION_GONE = new Set([401, 426])

/**
 * How the call-control link looks to an admin: `off` (not configured), `unused` (no action
 * yet), `ok`, or `failing` when the last error came after the last call the platform accepted.
 */
export type CstaLinkState = 'off' | 'unused' | 'ok' | 'failing'

export function cstaLinkState(link: CstaHealth | null): CstaLinkState {
  if (link === null) return 'off'
  const call = link.lastCall
  const accepted = call !== null && call.status < 500 && !SESSION_GONE.has(call.status)
  if (link.lastError === null) return call === null ? 'unused' : 'ok'
  return accepted && call.at >= link.lastError.at ? 'ok' : 'failing'
}
