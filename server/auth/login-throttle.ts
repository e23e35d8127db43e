/** How many failed sign-ins are allowed in a window, per user name and per client address. */
export interface ThrottleLimits {
  windowMs: number
  perUser: number
  perAddress: number
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  windowMs: 15 * 60 * 1000, // 15 minutes
  perUser: 5,
  perAddress: 20,
}

// Entries kept at most; past this the oldest are dropped (an attacker cycling names cannot grow memory).
const MAX_ENTRIES = 50_000

/**
 * Counts failed sign-ins in a sliding window. A user name under attack is locked for the
 * rest of the window even from other addresses; an address guessing many names is locked too.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfterSec(username: string, address: string): number {
    const wait = Math.max(
      this.waitFor(`u:${username.toLowerCase()}`, this.limits.perUser),
      this.waitFor(`a:${address}`, this.limits.perAddress),
    )
    return Math.ceil(wait / 1000)
  }

  fail(username: string, address: string): void {
    this.push(`u:${username.toLowerCase()}`)
    this.push(`a:${address}`)
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`)
  }

  private waitFor(key: string, limit: number): number {
    const times = this.recent(key)
    if (times.length < limit) return 0
    return times[times.length - limit]! + this.limits.windowMs - this.now()
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs
    const times = (this.failures.get(key) ?? []).filter((t) => t > since)
    if (times.length === 0) this.failures.delete(key)
    else this.failures.set(key, times)
    return times
  }

  private push(key: string): void {
    const times = this.recent(key)
    times.push(this.now())
    this.failures.delete(key)
    this.failures.set(key, times.slice(-100))
    if (this.failures.size > MAX_ENTRIES) {
      const oldest = this.failures.keys().next().value
      if (oldest !== undefined) this.failures.delete(oldest)
    }
  }
}
