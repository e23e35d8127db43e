import type { FloorChange, FloorHeartbeat, FloorSnapshot } from '@/shared/floor'

/** What became of a batch: applied, already contained in what we hold, or proof that one went missing. */
export type ChangeOutcome = 'applied' | 'duplicate' | 'gap'

/**
 * Where the socket module delivers what it hears; the floor store implements it. Keeping the
 * socket ignorant of the store lets `src/lib` stay below the features, and tests drive either alone.
 * Times are the local clock, epoch ms.
 */
export interface FloorSink {
  receiveSnapshot(snapshot: FloorSnapshot, receivedAt: number): void
  receiveChange(change: FloorChange, receivedAt: number): ChangeOutcome
  /** Returns true when the server is ahead of us (a batch went missing): the socket resyncs. */
  receiveHeartbeat(beat: FloorHeartbeat, receivedAt: number): boolean
  /** `recovered`: socket.io restored the session and replays what we missed; otherwise a snapshot follows. */
  linkUp(recovered: boolean, at: number): void
  linkDown(at: number): void
  /** Re-derives the connection status from the clock (called every second). */
  refreshStatus(now: number): void
}
