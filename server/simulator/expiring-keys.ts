import { randomBytes } from 'node:crypto'

const KEY_BYTES = 24 // 32 characters of base64url, like the platform's tokens
const MAX_LIVE_KEYS = 10_000 // a client that logs in in a loop cannot grow this without bound

/**
 * Random bearer keys that expire a fixed time after issue: the access tokens and TPI
 * sessions. Lifetimes run on the wall clock, not simulated time: the relay counts
 * `expiresIn` on its own clock, whatever `--speed` the floor plays at.
 */
export class ExpiringKeys {
  private readonly keys = new Map<string, number>() // key → expiry, wall epoch ms
  /** Keys issued since start (logins, token applications). */
  issued = 0

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  issue(): { key: string; expiresInSec: number } {
    const now = this.now()
    for (const [key, expires] of this.keys) if (expires <= now) this.keys.delete(key)
    // Insertion order is issue order: past the cap, the oldest key goes first.
    while (this.keys.size >= MAX_LIVE_KEYS) {
      const oldest = this.keys.keys().next().value
      if (oldest === undefined) break
      this.keys.delete(oldest)
    }
    const key = randomBytes(KEY_BYTES).toString('base64url')
    this.keys.set(key, now + this.ttlMs)
    this.issued += 1
    return { key, expiresInSec: Math.round(this.ttlMs / 1000) }
  }

  /** Ends every live key now, as a platform restart or a revocation would; answers how many. */
  expireAll(): number {
    const count = this.keys.size
    this.keys.clear()
    return count
  }

  isLive(key: string | undefined): boolean {
    if (key === undefined) return false
    const expires = this.keys.get(key)
    if (expires === undefined) return false
    if (expires > this.now()) return true
    this.keys.delete(key)
    return false
  }
}
