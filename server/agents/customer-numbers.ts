/** Looks a call's customer number up upstream: the number, or null when it is not known (yet). */
export type NumberLookup = (namespace: string, callId: string) => Promise<string | null>

export interface CustomerNumbersOptions {
  /** Absent: no lookups (no platform configured); numbers come from events and callEnds only. */
  lookup?: NumberLookup | undefined
  /** A number became known for a call (from a lookup or a callEnd). */
  found: (namespace: string, callId: string, number: string) => void
  /** Most calls remembered (each a few dozen bytes). */
  maxKept?: number
  /** Most lookups waiting to be sent; beyond it a call waits for its callEnd instead. */
  maxQueued?: number
  /** Most lookups upstream at once. */
  maxInFlight?: number
}

// A floor of 5,000 agents has at most 5,000 calls of agents at once; twice that covers the
// calls that just ended and are still on tiles in after-call work.
const MAX_KEPT = 10_000
const MAX_QUEUED = 1_000
const MAX_IN_FLIGHT = 4

/**
 * The customer's number of each call on the floor. The agentStateEvent of seed 003 §7.3 has no
 * caller field, so the number comes from (in order) the event when a platform adds one, a
 * remembered answer, one CDR lookup per call (§4.4; a call still running may have no CDR yet),
 * and the call's callEnd. Lookups never hold up an event: they run after it was applied, a few
 * at a time, and each call is asked about once. Bounded: the oldest calls are forgotten first.
 */
export class CustomerNumbers {
  /** `namespace|callId` → number, or null when asked and not found (wait for the callEnd). */
  private readonly kept = new Map<string, string | null>()
  private readonly queue: { namespace: string; callId: string }[] = []
  private inFlight = 0
  private readonly maxKept: number
  private readonly maxQueued: number
  private readonly maxInFlight: number

  constructor(private readonly o: CustomerNumbersOptions) {
    this.maxKept = o.maxKept ?? MAX_KEPT
    this.maxQueued = o.maxQueued ?? MAX_QUEUED
    this.maxInFlight = o.maxInFlight ?? MAX_IN_FLIGHT
  }

  /** The number when known; null otherwise. */
  known(namespace: string, callId: string): string | null {
    return this.kept.get(keyOf(namespace, callId)) ?? null
  }

  /** A number the platform gave (in an event or a callEnd): kept, and announced when new. */
  learn(namespace: string, callId: string, number: string): void {
    const key = keyOf(namespace, callId)
    if (this.kept.get(key) === number) return
    this.keep(key, number)
    this.o.found(namespace, callId, number)
  }

  /** Asks upstream once for a call whose number is not known; returns at once. */
  want(namespace: string, callId: string): void {
    const key = keyOf(namespace, callId)
    if (this.kept.has(key) || !this.o.lookup) return
    // Asked (or given up on) from now on: a second event of the same call asks nothing.
    this.keep(key, null)
    if (this.queue.length >= this.maxQueued) return
    this.queue.push({ namespace, callId })
    this.pump()
  }

  private pump(): void {
    const lookup = this.o.lookup
    while (lookup && this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const { namespace, callId } = this.queue.shift()!
      this.inFlight += 1
      void lookup(namespace, callId)
        .then(
          (number) => {
            // A callEnd may have brought it meanwhile.
            if (number !== null && this.known(namespace, callId) === null)
              this.learn(namespace, callId, number)
          },
          () => {
            // Unreachable or refused: the callEnd brings the number.
          },
        )
        .finally(() => {
          this.inFlight -= 1
          this.pump()
        })
    }
  }

  private keep(key: string, number: string | null): void {
    this.kept.delete(key)
    this.kept.set(key, number)
    if (this.kept.size > this.maxKept) {
      const oldest = this.kept.keys().next().value
      if (oldest !== undefined) this.kept.delete(oldest)
    }
  }

  size(): number {
    return this.kept.size
  }
}

function keyOf(namespace: string, callId: string): string {
  return `${namespace}|${callId}`
}
