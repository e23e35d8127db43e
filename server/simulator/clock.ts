import { performance } from 'node:perf_hooks'
import { type Timer, TimerQueue } from './timer-queue'

/**
 * Simulated time. Everything in the simulator (the call center and the webhook retry
 * schedule) reads and schedules through this, in simulated epoch milliseconds, so a test
 * can drive it by hand and `--speed` compresses all of it alike.
 */
export interface Clock {
  /** Simulated epoch ms. */
  now(): number
  /** Runs `fn` after `delayMs` of simulated time. */
  schedule(delayMs: number, fn: () => void): Timer
  cancel(timer: Timer | null | undefined): void
  /** Timers still pending. */
  pending(): number
}

/** A clock that moves only when told: for unit tests of the model. */
export class ManualClock implements Clock {
  private queue = new TimerQueue()
  private time: number

  constructor(startMs: number) {
    this.time = startMs
  }

  now(): number {
    return this.time
  }

  schedule(delayMs: number, fn: () => void): Timer {
    return this.queue.add(this.time + Math.max(0, delayMs), fn)
  }

  cancel(timer: Timer | null | undefined): void {
    this.queue.cancel(timer)
  }

  pending(): number {
    return this.queue.size
  }

  /** Runs every timer due within the next `ms`, each at its own due time. */
  advance(ms: number): void {
    const target = this.time + ms
    for (let t = this.queue.popDue(target); t; t = this.queue.popDue(target)) {
      this.time = Math.max(this.time, t.due)
      t.fn()
    }
    this.time = target
  }
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1 // setTimeout's ceiling; longer waits re-arm

/**
 * The wall clock, with every delay compressed `speed` times: at `--speed 4` a two-minute call
 * lasts thirty seconds, but every time the simulator stamps (events, call records) is a real
 * time, as the platform's are, so a console never sees events from the future.
 * One `setTimeout` is armed for the earliest timer; callbacks run in due order, and while one
 * runs `now()` is its due time, so a seeded run's event times do not depend on how late the
 * event loop was. Outside callbacks `now()` follows the wall clock.
 */
export class RealClock implements Clock {
  private queue = new TimerQueue()
  private readonly wallStart = performance.now()
  private running: number | null = null
  /** Due time of the last timer run: callbacks never see time go backwards. */
  private last: number
  private armed: { due: number; handle: NodeJS.Timeout } | null = null
  private stopped = false

  constructor(
    private readonly speed: number,
    private readonly startMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.last = startMs
  }

  now(): number {
    if (this.running !== null) return this.running
    const t = Math.floor(this.startMs + (performance.now() - this.wallStart))
    return Math.max(this.last, t)
  }

  schedule(delayMs: number, fn: () => void): Timer {
    const timer = this.queue.add(this.now() + Math.max(0, delayMs) / this.speed, fn)
    if (this.running === null) this.arm()
    return timer
  }

  cancel(timer: Timer | null | undefined): void {
    this.queue.cancel(timer)
  }

  pending(): number {
    return this.queue.size
  }

  /** Stops every timer for good. */
  stop(): void {
    this.stopped = true
    this.queue.clear()
    if (this.armed) clearTimeout(this.armed.handle)
    this.armed = null
  }

  private arm(): void {
    if (this.stopped) return
    const due = this.queue.peekDue()
    if (due === null) return
    if (this.armed && this.armed.due <= due) return
    if (this.armed) clearTimeout(this.armed.handle)
    const wallDelay = Math.min(MAX_TIMEOUT_MS, Math.max(0, due - this.now()))
    this.armed = { due, handle: setTimeout(() => this.fire(), wallDelay) }
  }

  private fire(): void {
    this.armed = null
    const until = this.now()
    for (let t = this.queue.popDue(until); t && !this.stopped; t = this.queue.popDue(until)) {
      this.running = Math.max(this.last, t.due)
      this.last = this.running
      try {
        t.fn()
      } catch (error) {
        this.onError(error)
      } finally {
        this.running = null
      }
    }
    this.arm()
  }
}
