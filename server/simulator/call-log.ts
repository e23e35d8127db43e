import type { CallRecord } from './call-model'
import { hasRecording, recordingIdOf } from './recordings'

const DAY_MS = 86_400_000
export const CALL_LOG_MAX_AGE_MS = 7 * DAY_MS // simulated time, like the platform's recent CDRs
export const CALL_LOG_MAX_CALLS = 100_000 // ~1 KB each: ~100 MB at worst

export interface CallQuery {
  /** Simulated epoch ms, inclusive; calls are matched by start time. */
  from: number
  to: number
  ani?: string
  dnis?: string
}

/**
 * The calls the simulator ran, newest last, for the platform's CDR and recording APIs.
 * Bounded by age (simulated) and count; the oldest go first. Calls are appended as they
 * end, so the list is ordered by end time.
 */
export class CallLog {
  private records: CallRecord[] = []
  private head = 0 // records before this index are pruned; compacted now and then
  private readonly byId = new Map<string, CallRecord>()
  private readonly byRecordingId = new Map<string, CallRecord>()

  constructor(
    private readonly maxAgeMs = CALL_LOG_MAX_AGE_MS,
    private readonly maxCalls = CALL_LOG_MAX_CALLS,
  ) {}

  add(record: CallRecord): void {
    this.records.push(record)
    this.byId.set(record.callId, record)
    if (hasRecording(record)) this.byRecordingId.set(recordingIdOf(record.callId), record)
    this.prune(record.endTime)
  }

  get(callId: string): CallRecord | undefined {
    return this.byId.get(callId)
  }

  /** The call a recording id (`recordingIdOf`) belongs to. */
  getByRecording(recordingId: string): CallRecord | undefined {
    return this.byRecordingId.get(recordingId)
  }

  get size(): number {
    return this.records.length - this.head
  }

  /** Calls that started within [from, to], oldest first. */
  query(q: CallQuery): CallRecord[] {
    const out: CallRecord[] = []
    for (let i = this.head; i < this.records.length; i++) {
      const r = this.records[i]!
      if (r.startTime < q.from || r.startTime > q.to) continue
      if (q.ani !== undefined && r.ani !== q.ani) continue
      if (q.dnis !== undefined && r.dnis !== q.dnis) continue
      out.push(r)
    }
    return out.sort((a, b) => a.startTime - b.startTime)
  }

  /** The latest `n` calls to end, newest last. */
  latest(n: number): CallRecord[] {
    return this.records.slice(Math.max(this.head, this.records.length - n))
  }

  private prune(now: number): void {
    while (this.size > 0) {
      const oldest = this.records[this.head]!
      if (this.size <= this.maxCalls && oldest.endTime >= now - this.maxAgeMs) break
      this.byId.delete(oldest.callId)
      this.byRecordingId.delete(recordingIdOf(oldest.callId))
      this.head++
    }
    // Compact once the dead prefix outweighs the live part, so pruning stays O(1) amortised.
    if (this.head > 1024 && this.head > this.size) {
      this.records = this.records.slice(this.head)
      this.head = 0
    }
  }
}
