import type { FloorChange, FloorHeartbeat, FloorSnapshot } from './floor'
import type {
  AgentPresence,
  PresenceAnswer,
  PresenceSnapshot,
  PresenceTarget,
  SnoozeRequest,
} from './presence'
import type { AuthRefusal, SessionEnded } from './session'
import type { FloorSettings } from './settings'

/**
 * The socket.io contract, used by the relay (`server/realtime`) and the SPA (`src/lib/socket`)
 * alike, so the compiler sees any drift between the two.
 */
export interface ServerToClientEvents {
  /** The whole floor: sent on connect when the session could not be recovered. */
  'floor:snapshot': (snapshot: FloorSnapshot) => void
  /**
   * Changes, coalesced per agent: at once while the relay keeps up, at most one batch per
   * FLUSH_MS while it is busy; a screen whose connection was busy gets one catch-up (`upTo`).
   */
  'floor:changed': (change: FloorChange) => void
  /** Liveness, every few seconds. Volatile: never buffered for a recovering client. */
  'floor:heartbeat': (beat: FloorHeartbeat) => void
  /**
   * The session behind this connection ended (signed out, expired, disabled, revoked) or its
   * role or scope changed; the server disconnects right after. On `changed` the client
   * reconnects and gets its new view; otherwise it returns to the sign-in page.
   */
  'session:ended': (info: SessionEnded) => void
  /** An admin changed the tenant's thresholds or queue targets (`GET /api/settings`). */
  'settings:changed': (settings: FloorSettings) => void
  /** Who is on which agent in the screen's scope: sent on every connect, after the floor. */
  'presence:snapshot': (snapshot: PresenceSnapshot) => void
  /** Someone started or stopped being on an agent, or a snooze began or ended: its whole presence. */
  'presence:changed': (presence: AgentPresence) => void
}

export interface ClientToServerEvents {
  /** Asks for a fresh snapshot, e.g. after seeing a gap in `seq`. */
  'floor:resync': (ack: (snapshot: FloorSnapshot) => void) => void
  /** The lead opened the agent's menu: others see them looking until it closes. */
  'presence:open-menu': (target: PresenceTarget) => void
  /** The lead closed the agent's menu. */
  'presence:close-menu': (target: PresenceTarget) => void
  /** "I'm on it": others see the lead on the agent until released, logged out, or 30 minutes. */
  'presence:claim': (target: PresenceTarget, ack: (answer: PresenceAnswer) => void) => void
  /** The lead is no longer on it. */
  'presence:release': (target: PresenceTarget, ack: (answer: PresenceAnswer) => void) => void
  /** Silences the agent's breach for a while, with a reason everyone in scope sees. */
  'presence:snooze': (request: SnoozeRequest, ack: (answer: PresenceAnswer) => void) => void
  /** Ends the agent's snooze before its time. */
  'presence:unsnooze': (target: PresenceTarget, ack: (answer: PresenceAnswer) => void) => void
}

/** The longest the relay coalesces changes before sending them (its window under load), ms. */
export const FLUSH_MS = 100
/** How often the relay sends a heartbeat, ms. */
export const HEARTBEAT_MS = 5_000
/** How many calls the latest-calls feed keeps (`FloorSnapshot.latestCalls`). */
export const LATEST_CALLS_MAX = 50
/** A connected client that hears nothing for this long calls the link stale, ms. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS

/**
 * Why the relay refused a socket.io handshake: `connect_error` carries it as `err.data.reason`
 * (and the words as `err.message`).
 */
export type ConnectRefusal = 'origin' | AuthRefusal
