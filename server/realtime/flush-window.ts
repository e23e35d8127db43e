/** How the relay spaces its flushes (FLOOR_FLUSH). */
export type FlushMode = 'adaptive' | 'fixed'

// Between two flushes the relay leaves at least twice what the last flushes took: sending to
// every screen is then at most a third of its time, the rest left for the webhooks.
const COST_FACTOR = 2
// The event loop busy (handling webhooks and flushes) more than this share of the time: the
// relay coalesces more, up to the whole window when it is busy BUSY_ALL of the time or more.
const BUSY_FROM = 0.5
const BUSY_ALL = 0.9
// Smoothing of the measures: each flush moves the estimate a third of the way.
const SMOOTHING = 1 / 3

/**
 * The time the relay leaves between the start of one flush and the start of the next, ms.
 *
 * `fixed`: always the whole window (FLOOR_FLUSH_MS), so under steady traffic every change waits
 * for the next tick of a 10 Hz clock.
 *
 * `adaptive`: what the relay's own load asks for, never more than the window. Busy is measured
 * two ways, both on the relay's main thread: how long the last flushes took (encoding and
 * writing to every screen), and how much of the time since the previous flush its event loop
 * was busy rather than waiting for I/O (Node's event loop utilization: webhooks and flushes
 * alike). An idle relay flushes in the next turn of the loop; one that spends its time sending
 * or ingesting coalesces more, up to the window, so a burst it cannot keep up with gets one
 * batch per window, as with `fixed`.
 */
export class FlushWindow {
  private cost = 0
  private busy = 0

  constructor(
    readonly mode: FlushMode,
    /** The longest interval, ms (FLOOR_FLUSH_MS). */
    readonly maxMs: number,
  ) {}

  /** Start to start, ms: a change arriving later than this after the last flush goes at once. */
  intervalMs(): number {
    if (this.mode === 'fixed') return this.maxMs
    const load = Math.min(1, Math.max(0, (this.busy - BUSY_FROM) / (BUSY_ALL - BUSY_FROM)))
    return Math.min(this.maxMs, COST_FACTOR * this.cost + load * this.maxMs)
  }

  /**
   * A flush ran: it took `costMs`; since the one before, the event loop was busy `utilization`
   * of the time (0..1; null when not measured, e.g. a flush called directly).
   */
  flushed(costMs: number, utilization: number | null): void {
    this.cost += (costMs - this.cost) * SMOOTHING
    if (utilization !== null) this.busy += (utilization - this.busy) * SMOOTHING
  }
}
