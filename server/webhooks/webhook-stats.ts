/** Counters of what the webhook has received since start; shown by /api/health. */
export interface WebhookStats {
  /** Events that changed the floor or were stored as a new call. */
  applied: number
  /** Agent events older than the state held. */
  stale: number
  /** Repeats of an event already stored (callEnd retries, resent agent events). */
  duplicate: number
  /** Unknown `eventName`, acknowledged with 202, by name. */
  ignored: Record<string, number>
  /** Rejected with 400. */
  invalid: number
  /** Rejected with 401. */
  unauthorized: number
  /** Rejected with 413. */
  tooLarge: number
}

// Distinct unknown event names remembered by name; past this they are counted under "(other)".
const MAX_IGNORED_NAMES = 50

export function emptyWebhookStats(): WebhookStats {
  return {
    applied: 0,
    stale: 0,
    duplicate: 0,
    ignored: {},
    invalid: 0,
    unauthorized: 0,
    tooLarge: 0,
  }
}

export function countIgnored(stats: WebhookStats, eventName: string): void {
  const known = Object.hasOwn(stats.ignored, eventName)
  const key = known || Object.keys(stats.ignored).length < MAX_IGNORED_NAMES ? eventName : '(other)'
  stats.ignored[key] = (stats.ignored[key] ?? 0) + 1
}
