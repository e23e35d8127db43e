/** What the wall knows about its link to the relay (the floor store's connection state). */
export interface LinkFacts {
  /** A snapshot has arrived since the page opened. */
  loaded: boolean
  connected: boolean
  /** The store's verdict: live, connecting, reconnecting, or stale (silent too long). */
  status: 'connecting' | 'live' | 'reconnecting' | 'stale'
  /** Local clock when the link last went up or down, epoch ms. */
  changedAt: number
  /** Local clock of the last message from the relay (heartbeats too), epoch ms. */
  lastMessageAt: number | null
  /** Server clock of the platform's last event, epoch ms. */
  lastEventAt: number | null
  /** Server clock minus local clock, ms. */
  offset: number
  /** Agents logged in: a silent platform only matters while someone works. */
  loggedIn: number
}

export type Staleness =
  | { kind: 'fresh' }
  /** Never had data, and cannot get any yet. */
  | { kind: 'waiting' }
  /** The link is down or silent: what is shown is `ageMs` old. */
  | { kind: 'link'; ageMs: number; reconnecting: boolean }
  /** The link is fine but the platform has sent no event for `ageMs`. */
  | { kind: 'quiet'; ageMs: number }

/** A dropped link this short is not worth a notice: socket.io is usually back by then, ms. */
export const LINK_GRACE_MS = 3_000
/** No platform event for this long while agents are logged in is worth a notice, ms. */
export const PLATFORM_QUIET_MS = 5 * 60_000

/** How stale the wall's data is at `now` (local clock, epoch ms), and why. */
export function staleness(f: LinkFacts, now: number): Staleness {
  const downFor = f.connected ? 0 : now - f.changedAt
  if (f.status === 'stale' || (!f.connected && downFor >= LINK_GRACE_MS)) {
    if (!f.loaded) return { kind: 'waiting' }
    const heard = f.lastMessageAt ?? f.changedAt
    return { kind: 'link', ageMs: Math.max(0, now - heard), reconnecting: !f.connected }
  }
  if (f.connected && f.loaded && f.loggedIn > 0 && f.lastEventAt !== null) {
    const age = now + f.offset - f.lastEventAt
    if (age >= PLATFORM_QUIET_MS) return { kind: 'quiet', ageMs: age }
  }
  return { kind: 'fresh' }
}

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day'

/** A duration in its largest whole unit, as a user would say it: 3 minutes, 1 hour. */
export function durationWords(ms: number): { unit: DurationUnit; count: number } {
  const sec = Math.max(0, Math.floor(ms / 1000))
  if (sec < 60) return { unit: 'second', count: sec }
  if (sec < 3600) return { unit: 'minute', count: Math.floor(sec / 60) }
  if (sec < 86_400) return { unit: 'hour', count: Math.floor(sec / 3600) }
  return { unit: 'day', count: Math.floor(sec / 86_400) }
}
