/** How the relay spaces its flushes (FLOOR_FLUSH). */
export type FlushMode = 'adaptive' | 'fixed'

// Of the time between two flushes, at most about half goes to sending: the interval is the
// flush's own cost twice over, plus what the event loop made it wait (both smoothed).
const COST_FACTOR = 2
// Smoothing of the measured cost and lag: each flush moves the estimate a third of the way.
const SMOOTHING = 1 / 3

/**
 * The time the relay leaves between the start of one flush and the start of the next, ms.
 *
 * `fixed`: always the whole window (FLOOR_FLUSH_MS), so under steady traffic every change waits
 * for the next tick of a 10 Hz clock.
 *
 * `adaptive`: what the relay's own load asks for, never more than the window. Busy is measured
 * on the flushes themselves rather than with a separate probe: how long the last flushes took
 * (encoding and writing to every screen) and how long each waited for the event loop after it
 * was due (the loop was handling webhooks). An idle relay flushes in the next turn of the loop;
 * one that spends its time sending or ingesting coalesces more, up to the window.
 */
export class FlushWindow {
  private cost = 0
  private lag = 0

  constructor(
    readonly mode: FlushMode,
    /** The longest interval, ms (FLOOR_FLUSH_MS). */
    readonly maxMs: number,
  ) {}

  /** Start to start, ms: a change arriving later than this after the last flush goes at once. */
  intervalMs(): number {
    if (this.mode === 'fixed') return this.maxMs
    return Math.min(this.maxMs, COST_FACTOR * this.cost + this.lag)
  }

  /** A flush ran: it took `costMs`, and started `lagMs` after it was due (null: called directly). */
  flushed(costMs: number, lagMs: number | null): void {
    this.cost += (costMs - this.cost) * SMOOTHING
    if (lagMs !== null) this.lag += (Math.max(0, lagMs) - this.lag) * SMOOTHING
  }
}
