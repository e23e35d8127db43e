import type { Clock } from './clock'
import { type WireEvent, wireBody } from './event-factory'
import type { Timer } from './timer-queue'

/** POSTs one body and resolves with the HTTP status; rejects on a network error. */
export type PostFn = (url: string, body: string, signal: AbortSignal) => Promise<number>

export interface WebhookSenderOptions {
  url: string
  /** Retries wait on this clock, so `--speed` shortens them like everything else. */
  clock: Clock
  /** The platform's retry "minute", simulated ms. */
  retryUnitMs: number
  log: (line: string) => void
  post?: PostFn
  /** Requests in flight at once. */
  concurrency?: number
  /** callEnds waiting for a retry; past this the oldest is dropped. */
  maxRetrying?: number
  /** Events waiting to be sent; past this the oldest is dropped. */
  maxQueued?: number
  /** A request that takes longer fails, wall ms. */
  timeoutMs?: number
}

export interface SenderStats {
  sent: { agentStateEvent: number; callEnd: number }
  /** Failed attempts (each failed retry counts). */
  failed: { agentStateEvent: number; callEnd: number }
  /** callEnd attempts that were retries. */
  retried: number
  /** callEnds waiting for their next retry. */
  retryPending: number
  /** callEnds abandoned after the 30th failed retry. */
  gaveUp: number
  /** Events dropped because a queue was full. */
  dropped: number
  queued: number
  inFlight: number
}

// The platform's schedule: retry n waits n minutes, and there are 30 of them.
const MAX_RETRIES = 30
const DEFAULT_CONCURRENCY = 4 // a few in flight, like a pooled HTTP client
const DEFAULT_MAX_RETRYING = 10_000 // callEnds, ~2 KB each
const DEFAULT_MAX_QUEUED = 50_000 // events
const DEFAULT_TIMEOUT_MS = 10_000

interface Job {
  event: WireEvent
  /** Serialised once: a retry resends the very same bytes. */
  body: string
  failures: number
}

/**
 * Delivers webhooks as the platform does: in order of occurrence with a few requests in
 * flight, agentStateEvents once (a failure is counted and logged), callEnds retried on the
 * 1, 2, …, 30 "minute" schedule. `send` never blocks: a slow or dead receiver only fills
 * bounded queues. Failures are logged once per outage, not once per event.
 */
export class WebhookSender {
  private readonly ready: Job[] = []
  private readyHead = 0
  private readonly waiting = new Map<Job, Timer>()
  private readonly post: PostFn
  private readonly concurrency: number
  private readonly maxRetrying: number
  private readonly maxQueued: number
  private readonly abort = new AbortController()
  private inFlight = 0
  private failingSince: number | null = null // failed attempts since the last success, while failing
  private droppedSinceSuccess = 0
  private stopped = false
  private readonly counts = {
    sent: { agentStateEvent: 0, callEnd: 0 },
    failed: { agentStateEvent: 0, callEnd: 0 },
    retried: 0,
    gaveUp: 0,
    dropped: 0,
  }

  constructor(private readonly opts: WebhookSenderOptions) {
    this.post = opts.post ?? fetchPost(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    this.concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY
    this.maxRetrying = opts.maxRetrying ?? DEFAULT_MAX_RETRYING
    this.maxQueued = opts.maxQueued ?? DEFAULT_MAX_QUEUED
  }

  send(event: WireEvent): void {
    if (this.stopped) return
    this.push({ event, body: wireBody(event), failures: 0 })
  }

  stats(): SenderStats {
    return {
      ...structuredClone(this.counts),
      retryPending: this.waiting.size,
      queued: this.ready.length - this.readyHead,
      inFlight: this.inFlight,
    }
  }

  /** Drops everything pending and aborts requests in flight. */
  stop(): void {
    this.stopped = true
    this.abort.abort()
    for (const timer of this.waiting.values()) this.opts.clock.cancel(timer)
    this.waiting.clear()
    this.ready.length = this.readyHead = 0
  }

  private push(job: Job): void {
    this.ready.push(job)
    if (this.ready.length - this.readyHead > this.maxQueued) {
      const oldest = this.ready[this.readyHead++]
      if (oldest) this.drop(oldest, 'webhook queue')
    }
    this.pump()
  }

  private pump(): void {
    while (
      !this.stopped &&
      this.inFlight < this.concurrency &&
      this.readyHead < this.ready.length
    ) {
      const job = this.ready[this.readyHead++]!
      this.inFlight++
      void this.deliver(job)
    }
    if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
      this.ready.splice(0, this.readyHead)
      this.readyHead = 0
    }
  }

  private async deliver(job: Job): Promise<void> {
    const kind = job.event.eventName
    let failure: string | null = null
    try {
      const status = await this.post(this.opts.url, job.body, this.abort.signal)
      if (status < 200 || status > 299) failure = `HTTP ${status}`
    } catch (error) {
      failure = errorText(error)
    } finally {
      this.inFlight--
    }
    if (this.stopped) return
    if (failure === null) {
      this.counts.sent[kind]++
      if (this.failingSince !== null) {
        this.opts.log(`webhook delivery restored after ${this.failingSince} failed attempts`)
        this.failingSince = null
      }
      this.droppedSinceSuccess = 0
    } else {
      this.counts.failed[kind]++
      if (this.failingSince === null) {
        this.opts.log(
          `webhook delivery failing (${failure}) for ${describe(job.event)}; callEnds will be retried`,
        )
        this.failingSince = 0
      }
      this.failingSince++
      if (kind === 'callEnd') this.retryLater(job, failure)
    }
    this.pump()
  }

  private retryLater(job: Job, failure: string): void {
    job.failures++
    if (job.failures > MAX_RETRIES) {
      this.counts.gaveUp++
      this.opts.log(
        `gave up on ${describe(job.event)} after ${MAX_RETRIES} retries (last: ${failure})`,
      )
      return
    }
    const timer = this.opts.clock.schedule(job.failures * this.opts.retryUnitMs, () => {
      this.waiting.delete(job)
      this.counts.retried++
      this.push(job)
    })
    this.waiting.set(job, timer)
    if (this.waiting.size > this.maxRetrying) {
      const [oldest, oldestTimer] = this.waiting.entries().next().value as [Job, Timer]
      this.opts.clock.cancel(oldestTimer)
      this.waiting.delete(oldest)
      this.drop(oldest, 'retry queue')
    }
  }

  /** Counts a dropped event; logs only the first of a run, so a dead receiver does not flood the log. */
  private drop(job: Job, queue: string): void {
    this.counts.dropped++
    if (this.droppedSinceSuccess++ === 0) {
      this.opts.log(
        `${queue} full: dropping the oldest events, first ${describe(job.event)} (counted in /sim/stats)`,
      )
    }
  }
}

function describe(event: WireEvent): string {
  const callId = typeof event.callId === 'string' ? ` callId ${event.callId}` : ''
  return `${event.eventName} serial ${event.serial}${callId}`
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return `${error.message}${cause}`
  }
  return String(error)
}

/** POST with Node's fetch, which keeps connections alive and pools them. */
function fetchPost(timeoutMs: number): PostFn {
  return async (url, body, signal) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    })
    // Read the answer to the end so the connection goes back to the pool.
    await res.arrayBuffer()
    return res.status
  }
}
