import type { CallSummary } from '@/shared/floor'

/** Gave up waiting in the queue (the seed's only named end reason). */
export function isAbandonedCall(call: CallSummary): boolean {
  return call.endReason === 'QueueAbandon'
}

/** Newest first by end time: callEnd webhooks can arrive late (the platform retries them). */
export function newestFirst(calls: readonly CallSummary[]): CallSummary[] {
  return calls
    .map((call, arrival) => ({ call, arrival }))
    .sort((a, b) => (b.call.endTime ?? 0) - (a.call.endTime ?? 0) || b.arrival - a.arrival)
    .map((c) => c.call)
}
