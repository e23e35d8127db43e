/** Counters of what the webhook has received since start; shown by /api/health/details. */
export interface WebhookStats {
  /** Events that changed the floor or were stored as a new call. */
  applied: number
  /** Agent events older than the state held. */
  stale: number
  /** Repeats of an event already stored (callEnd retries, resent agent events). */
  duplicate: number
  /**
   * Unknown `eventName`, acknowledged with 202, by name. A null-prototype object: names are
   * chosen by the sender, and `constructor` or `__proto__` must count as themselves.
   */
  ignored: Record<string, number>
  /** Rejected with 400. */
  invalid: number
  /** Rejected with 401: a missing or unknown token. */
  unauthorized: number
  /** Rejected with 403: a known token, but for another tenant than the event's. */
  forbidden: number
  /** Rejected with 413. */
  tooLarge: number
}

// Distinct unknown event names remembered by name; past this they are counted under "(other)".
const MAX_IGNORED_NAMES = 50
// Longer names are counted under "(other)": the platform's own names are a few words.
export const MAX_EVENT_NAME_CHARS = 64
export const OTHER_EVENTS = '(other)'

export function emptyWebhookStats(): WebhookStats {
  return {
    applied: 0,
    stale: 0,
    duplicate: 0,
    ignored: Object.create(null) as Record<string, number>,
    invalid: 0,
    unauthorized: 0,
    forbidden: 0,
    tooLarge: 0,
  }
}

export function countIgnored(stats: WebhookStats, eventName: string): void {
  const ignored = stats.ignored
  let key = eventName.length > MAX_EVENT_NAME_CHARS ? OTHER_EVENTS : eventName
  if (!Object.hasOwn(ignored, key) && Object.keys(ignored).length >= MAX_IGNORED_NAMES) {
    key = OTHER_EVENTS
  }
  ignored[key] = (Object.hasOwn(ignored, key) ? ignored[key]! : 0) + 1
}
