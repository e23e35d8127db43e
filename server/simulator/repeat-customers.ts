import { mobileNumber } from './names'
import type { Random } from './random'

/** Share of inbound calls that come from a customer who called before (and will again). */
export const REPEAT_SHARE = 0.2
/** Share of first-time callers who will call again: they join the pool. */
export const JOIN_SHARE = 0.25
/** A repeat customer calls this many times in all (the first call included), at least and at most. */
export const REPEAT_CALLS_MIN = 2
export const REPEAT_CALLS_MAX = 4
/** Customers waiting to call again at most: a busy demo does not grow the pool forever. */
const POOL_MAX = 200

interface Customer {
  phone: string
  /** Calls still to come. */
  left: number
}

/**
 * Who calls the hotline: mostly a new number each time, and a share of customers who call 2–4
 * times (their issue was not settled, the line dropped, they gave up in the queue), so repeat
 * callers show on the floor within minutes of a demo's start. Drawn from the simulator's seeded
 * stream: the same seed calls with the same numbers.
 */
export class RepeatCustomers {
  private readonly pool: Customer[] = []

  constructor(private readonly rng: Random) {}

  /** The number of the next inbound call. */
  nextCaller(): string {
    if (this.pool.length > 0 && this.rng.chance(REPEAT_SHARE)) {
      const i = this.rng.int(0, this.pool.length - 1)
      const customer = this.pool[i]!
      customer.left -= 1
      if (customer.left <= 0) this.pool.splice(i, 1)
      return customer.phone
    }
    const phone = mobileNumber(this.rng)
    if (this.pool.length < POOL_MAX && this.rng.chance(JOIN_SHARE))
      this.pool.push({ phone, left: this.rng.int(REPEAT_CALLS_MIN, REPEAT_CALLS_MAX) - 1 })
    return phone
  }
}
