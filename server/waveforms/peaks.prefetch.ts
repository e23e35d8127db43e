import type { CallSummary } from '@/shared/floor'
import { audienceOf } from '../realtime/audience'
import type { RecordsService } from '../call-records/records.service'
import type { PeaksStore } from './peaks.store'

export interface PrefetchOptions {
  /** Calls talked at least this long get their peaks computed ahead; negative: never. */
  minTalkSec: number
  /** Waits before the first try (recordings reach the platform's store a little after the call ends), ms. */
  delaysMs?: readonly number[]
  log?: (message: string) => void
}

// At most this many calls wait for their peaks; past it, new ones are skipped (they are then
// computed when first opened, as any call).
const QUEUE_MAX = 200
const DEFAULT_DELAYS_MS = [5_000, 60_000, 5 * 60_000]

/**
 * Computes the waveform peaks of long calls as soon as they end, one call at a time, so the
 * first person to open an hour-long recording does not wait for the relay to read it.
 * Short calls are left alone: their peaks take a moment when first opened.
 */
export class PeaksPrefetcher {
  private readonly queue: CallSummary[] = []
  private running = false
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(
    private readonly records: RecordsService,
    private readonly peaks: PeaksStore,
    private readonly o: PrefetchOptions,
  ) {}

  callEnded(call: CallSummary): void {
    if (this.o.minTalkSec < 0 || (call.talkSec ?? 0) < this.o.minTalkSec) return
    if (this.queue.length >= QUEUE_MAX) return
    this.later(call, 0)
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.queue.length = 0
  }

  private later(call: CallSummary, attempt: number): void {
    const delays = this.o.delaysMs ?? DEFAULT_DELAYS_MS
    const wait = delays[attempt]
    if (wait === undefined) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      this.queue.push(call)
      void this.drain(attempt)
    }, wait)
    this.timers.add(timer)
  }

  private async drain(attempt: number): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      for (let call = this.queue.shift(); call; call = this.queue.shift()) {
        const ok = await this.prefetch(call)
        if (!ok) this.later(call, attempt + 1)
      }
    } finally {
      this.running = false
    }
  }

  private async prefetch(call: CallSummary): Promise<boolean> {
    const audience = audienceOf({ namespace: call.namespace, orgPrefix: null, skills: null })
    const recordings = await this.records.recordingsOf(audience, call.callId)
    if (!recordings.ok || recordings.data.length === 0) return false
    for (const r of recordings.data) {
      const peaks = await this.peaks.get(call.namespace, r.id)
      if (!peaks.ok) {
        this.o.log?.(`peaks of ${r.id} not ready: ${peaks.answer.message}`)
        return false
      }
    }
    return true
  }
}
