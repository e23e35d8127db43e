import net from 'node:net'

/** How many failed sign-ins are free, and how long each one after them must wait. */
export interface ThrottleLimits {
  /** Failures free per user name, from addresses the user never signed in from. */
  perAccount: number
  /** Failures free per client address, whatever the names. */
  perAddress: number
  /** Failures free per user name at an address the user signed in from before. */
  perKnownAddress: number
  /** The wait after the free failures are used up, ms; it doubles with each further failure… */
  firstDelayMs: number
  /** …up to this, ms. */
  maxDelayMs: number
  /** A counter nothing was charged to for this long is forgotten, ms. */
  forgetMs: number
  /** Counters kept at most (an attacker cycling names and addresses cannot grow memory). */
  maxEntries: number
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  perAccount: 5,
  perAddress: 20,
  perKnownAddress: 5,
  firstDelayMs: 30_000, // 30 s, then 1, 2, 4, 8 min…
  maxDelayMs: 15 * 60_000, // …and 15 min from then on
  forgetMs: 24 * 60 * 60_000, // a day without failures
  maxEntries: 50_000,
}

interface Counter {
  /** Failures charged and not forgotten. */
  failures: number
  /** Attempts being checked now: each counts as a failure until it succeeds. */
  inFlight: number
  /** When the latest attempt was charged, epoch ms: the wait runs from here. */
  last: number
  /** Attempts below this many are free (the limit of the counter's kind). */
  free: number
}

/** A failed sign-in, as the throttle counts it. */
export interface SignInFailure {
  username: string
  /** The client address's key (`addressKey`). */
  address: string
  /** The user had signed in from this address before. */
  known: boolean
}

/** A sign-in attempt the throttle let through: say how it ended, once. */
export interface Attempt {
  /** The password was wrong (or the name unknown): the attempt stays counted. */
  failed(): void
  /** The password was right: the attempt no longer counts, and the address's own counter starts over. */
  succeeded(): void
}

export type Admission = { ok: true; attempt: Attempt } | { ok: false; retryAfterSec: number }

/**
 * Counts sign-in attempts per user name and per client address, before the password is
 * checked: an attempt is charged the moment it is admitted (synchronously, so parallel
 * attempts all see each other) and released only when the password turns out right. After the
 * free failures each further attempt must wait, from the latest one, a delay that doubles up
 * to a cap; a refused attempt is not charged and does not prolong the wait.
 *
 * At an address where the user signed in before, the attempt is counted on that (user,
 * address) pair alone: an attacker elsewhere can lock the name for every unknown address, but
 * not for the user at home.
 */
export class LoginThrottle {
  // Insertion order is the order of last use: the first entries are the stalest.
  private readonly counters = new Map<string, Counter>()
  /**
   * Told of each failure, for the other relay processes of a cluster (they charge it with
   * `failedElsewhere`): an attacker spreading guesses over the processes meets one count.
   */
  onFailure: ((failure: SignInFailure) => void) | null = null

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Charges a failed attempt another relay process saw, as if it had been made here. */
  failedElsewhere(failure: SignInFailure): void {
    const now = this.now()
    for (const [key, free] of this.keysOf(failure.username, failure.address, failure.known)) {
      const c = this.charge(key, free, now)
      c.inFlight -= 1
      c.failures += 1
    }
  }

  private keysOf(username: string, address: string, knownAddress: boolean): [string, number][] {
    const name = username.toLowerCase()
    return knownAddress
      ? [[`p:${address} ${name}`, this.limits.perKnownAddress]]
      : [
          [`u:${name}`, this.limits.perAccount],
          [`a:${address}`, this.limits.perAddress],
        ]
  }

  /**
   * Admits an attempt to sign in as `username` from `address` (see `addressKey`), or says how
   * long to wait. `knownAddress`: the user signed in from this address before.
   */
  admit(username: string, address: string, knownAddress: boolean): Admission {
    const keys = this.keysOf(username, address, knownAddress)
    const now = this.now()
    const waitMs = Math.max(...keys.map(([key]) => this.waitMs(this.current(key, now), now)))
    if (waitMs > 0) return { ok: false, retryAfterSec: Math.ceil(waitMs / 1000) }
    const charged = keys.map(([key, free]) => this.charge(key, free, now))
    let settled = false
    const settle = (success: boolean) => {
      if (settled) return
      settled = true
      for (const c of charged) {
        c.inFlight -= 1
        if (!success) {
          c.failures += 1
          c.last = this.now()
        } else if (knownAddress) {
          c.failures = 0 // the pair's own counter: the user is back
        }
      }
      if (!success) this.onFailure?.({ username, address, known: knownAddress })
    }
    return { ok: true, attempt: { failed: () => settle(false), succeeded: () => settle(true) } }
  }

  /** How many counters are kept (for tests of the memory bound). */
  get size(): number {
    return this.counters.size
  }

  private waitMs(c: Counter | undefined, now: number): number {
    if (!c) return 0
    const counted = c.failures + c.inFlight
    if (counted < c.free) return 0
    const delay = Math.min(
      this.limits.maxDelayMs,
      this.limits.firstDelayMs * 2 ** (counted - c.free),
    )
    return Math.max(0, c.last + delay - now)
  }

  private current(key: string, now: number): Counter | undefined {
    const c = this.counters.get(key)
    if (c && c.inFlight === 0 && now - c.last > this.limits.forgetMs) {
      this.counters.delete(key)
      return undefined
    }
    return c
  }

  private charge(key: string, free: number, now: number): Counter {
    const c = this.current(key, now) ?? { failures: 0, inFlight: 0, last: now, free }
    c.inFlight += 1
    c.last = now
    this.counters.delete(key)
    this.counters.set(key, c)
    if (this.counters.size > this.limits.maxEntries) this.evict(now)
    return c
  }

  /**
   * Brings the map down to 90% of its bound (so this runs once per many new entries): first
   * what is forgotten anyway, then counters still within their free failures (what an attacker
   * cycling names and addresses creates), stalest first, and only then counters past them,
   * whose delays an attacker would like to see reset. Counters with attempts in flight stay.
   */
  private evict(now: number): void {
    const target = Math.floor(this.limits.maxEntries * 0.9)
    const passes: ((c: Counter) => boolean)[] = [
      (c) => now - c.last > this.limits.forgetMs,
      (c) => c.failures < c.free,
      () => true,
    ]
    for (const evictable of passes) {
      for (const [key, c] of this.counters) {
        if (this.counters.size <= target) return
        if (c.inFlight === 0 && evictable(c)) this.counters.delete(key)
      }
    }
  }
}

/**
 * The address an attempt is counted against: IPv4 as it is (also when mapped into IPv6), IPv6
 * by its /64 network, which one subscriber usually holds whole and could otherwise cycle.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]!
  if (net.isIPv6(ip)) return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`
  return ip
}

/** The eight 16-bit groups of an IPv6 address, in lower-case hex without leading zeros. */
function ipv6Groups(ip: string): string[] {
  const bare = ip.split('%')[0]!
  const [head = '', tail] = bare.split('::')
  const parse = (part: string) => (part === '' ? [] : part.split(':'))
  const left = parse(head)
  const right = tail === undefined ? [] : parse(tail)
  const last = right.length > 0 ? right : left
  // An embedded IPv4 tail (::1.2.3.4) is two groups.
  if (last.length > 0 && last[last.length - 1]!.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = last.pop()!.split('.').map(Number)
    last.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16))
  }
  const missing = 8 - left.length - right.length
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right]
  return groups.map((g) => parseInt(g, 16).toString(16))
}
