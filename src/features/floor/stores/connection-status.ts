import { STALE_AFTER_MS } from '@/shared/events'

/**
 * - connecting: the first connection is being made;
 * - live: connected, and the relay spoke within STALE_AFTER_MS;
 * - reconnecting: the link dropped and socket.io is retrying;
 * - stale: connected but silent for STALE_AFTER_MS, or disconnected for longer than that.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'stale'

export interface LinkState {
  connected: boolean
  /** The page has been connected at least once. */
  everConnected: boolean
  /** Local clock when the link last went up or down (or the page started), epoch ms. */
  changedAt: number
  /** Local clock of the last message from the relay, epoch ms, or null. */
  lastMessageAt: number | null
}

export function deriveStatus(link: LinkState, now: number): ConnectionStatus {
  if (!link.connected) {
    if (now - link.changedAt > STALE_AFTER_MS) return 'stale'
    return link.everConnected ? 'reconnecting' : 'connecting'
  }
  // Right after connecting, the connection itself counts as hearing from the relay.
  const heard = Math.max(link.lastMessageAt ?? 0, link.changedAt)
  return now - heard > STALE_AFTER_MS ? 'stale' : 'live'
}

// Beyond this the clocks really moved (NTP step, laptop woke up): follow at once, ms.
const OFFSET_JUMP_MS = 2_000
const OFFSET_SMOOTHING = 0.2 // weight of a new sample: evens out network jitter

/**
 * Server clock minus local clock, ms. Each message gives a sample (`serverTime - receivedAt`);
 * samples are smoothed so timers do not jitter with network latency.
 */
export function nextOffset(previous: number | null, sample: number): number {
  if (previous === null || Math.abs(sample - previous) > OFFSET_JUMP_MS) return sample
  return previous + (sample - previous) * OFFSET_SMOOTHING
}

/**
 * True while what the floor shows counts as live: timers run and figures are drawn bright.
 * Before the first connection nothing is shown yet, so that counts as live too.
 */
export function isLive(status: ConnectionStatus): boolean {
  return status === 'live' || status === 'connecting'
}

/** How what is not live (figures, tiles) is drawn: there, but not to be trusted. */
export const NOT_LIVE_OPACITY = 0.5

/**
 * The server time timers and over-time checks count to: now while the link is live; once it
 * drops or goes silent, the moment the relay was last heard (they stop rather than keep
 * counting states nobody can vouch for); while looking back, the moment shown.
 */
export function floorClock(
  s: { link: LinkState; status: ConnectionStatus; offset: number; pastAt?: number | null },
  localNow: number,
): number {
  if (s.pastAt != null) return s.pastAt
  if (isLive(s.status)) return localNow + s.offset
  return Math.min(localNow, s.link.lastMessageAt ?? s.link.changedAt) + s.offset
}
