import type { Socket, io as IoFactory } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '@/shared/events'
import {
  type FloorChange,
  floorChangeSchema,
  floorHeartbeatSchema,
  floorSnapshotSchema,
} from '@/shared/floor'
import {
  type PresenceAnswer,
  presenceAnswerSchema,
  presenceSnapshotSchema,
  agentPresenceSchema,
  type SnoozeRequest,
} from '@/shared/presence'
import {
  AUTH_REFUSALS,
  type AuthRefusal,
  type SessionEnded,
  sessionEndedSchema,
} from '@/shared/session'
import { type FloorSettings, floorSettingsSchema } from '@/shared/settings'
import type { FloorSink } from './floor-sink'
import type { PresenceRequests } from './presence-requests'
import type { PresenceSink } from './presence-store'

export type FloorClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** Hears that the session behind the link ended (or changed); see `FloorSocket.onSessionEnded`. */
export type SessionListener = (info: SessionEnded) => void

/** Hears the tenant's new thresholds and queue targets (`settings:changed`). */
export type SettingsListener = (settings: FloorSettings) => void

export interface FloorSocketOptions {
  /** Where snapshots, batches and link changes go (the floor store). */
  sink: FloorSink
  /** Where who-is-on-which-agent goes (the presence store); ignored when absent. */
  presence?: PresenceSink
  /**
   * Makes the socket, at once or once its code is here; tests pass a fake. Default: socket.io
   * at the page's origin, its client fetched on first use (see `preloadSocketClient`).
   */
  createSocket?: () => FloorClientSocket | Promise<FloorClientSocket>
  /** Local clock, epoch ms. */
  now?: () => number
}

const RESYNC_TIMEOUT_MS = 10_000 // the relay rate-limits resyncs to one a second; 10 s is plenty
const SNAPSHOT_WAIT_MS = 5_000 // after a fresh connect, ask for the snapshot if none came by then
const RETRY_BASE_MS = 2_000 // first retry after a refused handshake or a server-side kick
const RETRY_MAX_MS = 30_000 // …growing up to this
const STATUS_EVERY_MS = 1_000 // how often live/stale is re-derived from the clock
const HELD_MAX = 2_000 // batches kept while a resync is in flight (20 s at the relay's pace)
const PRESENCE_TIMEOUT_MS = 5_000 // a claim or snooze unanswered for this long failed

let socketClient: Promise<{ io: typeof IoFactory }> | null = null

/**
 * Starts fetching the socket.io client, which is not in the first bundle: the page's first
 * render does not need it, and it arrives while the page asks who is signed in.
 */
export function preloadSocketClient(): void {
  void loadSocketClient().catch(() => {}) // `connect` asks again
}

function loadSocketClient(): Promise<{ io: typeof IoFactory }> {
  socketClient ??= import('socket.io-client').catch((error: unknown) => {
    socketClient = null // a relay restarting: the next try fetches it again
    throw error
  })
  return socketClient
}

async function defaultSocket(): Promise<FloorClientSocket> {
  const { io } = await loadSocketClient()
  return io({
    autoConnect: false,
    withCredentials: true, // the sign-in cookie rides on the handshake
    // A websocket stays on the relay process it reached, so several processes need no sticky
    // sessions at the balancer; long polling (each request may reach another process) only
    // where a proxy cannot pass websockets (docs/deploy.md).
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    // Wall screens run for days: never give up, but do not hammer a relay that is down.
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
  })
}

/**
 * The page's one link to the relay, outside React (like excalidraw's Portal): it connects,
 * hands snapshots and batches to the sink, resyncs when it sees a gap in `seq`, keeps the
 * connection status fresh, and reconnects for as long as the app wants it connected.
 */
export class FloorSocket implements PresenceRequests {
  private socket: FloorClientSocket | null = null
  /** The socket is being made (its client code is on its way). */
  private creating = false
  /** The app asked to be connected (and not since to disconnect). */
  private wanted = false
  private resyncing = false
  /** Batches that arrived while a resync was in flight, applied after its snapshot. */
  private held: FloorChange[] = []
  /** Bumped on every connect and disconnect, so late acks of an old link are ignored. */
  private generation = 0
  private retries = 0
  private statusTimer: ReturnType<typeof setInterval> | null = null
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private resyncTimer: ReturnType<typeof setTimeout> | null = null
  /** The relay said the role or scope changed: reconnect at once when it closes the socket. */
  private reconnectNow = false
  private readonly sessionListeners = new Set<SessionListener>()
  private readonly settingsListeners = new Set<SettingsListener>()

  constructor(private readonly options: FloorSocketOptions) {}

  private get sink(): FloorSink {
    return this.options.sink
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  /** Connects, and stays connected (retrying forever) until `disconnect()`. Idempotent. */
  connect(): void {
    this.wanted = true
    if (this.statusTimer === null) {
      this.statusTimer = setInterval(() => this.sink.refreshStatus(this.now()), STATUS_EVERY_MS)
    }
    if (!this.socket) this.createSocket()
    else if (!this.socket.connected && !this.socket.active) this.socket.connect()
  }

  /** Makes the socket once, and connects it if the app still wants the link by then. */
  private createSocket(): void {
    if (this.creating) return
    const adopt = (socket: FloorClientSocket) => {
      this.socket = socket
      this.bind(socket)
      if (this.wanted) socket.connect()
    }
    const made = (this.options.createSocket ?? defaultSocket)()
    if (!(made instanceof Promise)) return adopt(made)
    this.creating = true
    made.then(
      (socket) => {
        this.creating = false
        adopt(socket)
      },
      (error: unknown) => {
        this.creating = false
        console.error('the live link could not be set up', error)
        this.retryLater()
      },
    )
  }

  /**
   * Hears when the session ends: `changed` (the link reconnects by itself for the new role or
   * scope), or anything else (the link has stopped; the page should sign in again). A refused
   * handshake for want of a session counts too. Returns the unsubscribe.
   */
  onSessionEnded(listener: SessionListener): () => void {
    this.sessionListeners.add(listener)
    return () => this.sessionListeners.delete(listener)
  }

  /** Hears when an admin changes the thresholds or queue targets. Returns the unsubscribe. */
  onSettingsChanged(listener: SettingsListener): () => void {
    this.settingsListeners.add(listener)
    return () => this.settingsListeners.delete(listener)
  }

  menu(agentId: string, open: boolean): void {
    if (!this.socket?.connected) return
    this.socket.emit(open ? 'presence:open-menu' : 'presence:close-menu', { agentId })
  }

  claim(agentId: string): Promise<PresenceAnswer> {
    return this.ask('presence:claim', { agentId })
  }

  release(agentId: string): Promise<PresenceAnswer> {
    return this.ask('presence:release', { agentId })
  }

  snooze(request: SnoozeRequest): Promise<PresenceAnswer> {
    return this.ask('presence:snooze', request)
  }

  unsnooze(agentId: string): Promise<PresenceAnswer> {
    return this.ask('presence:unsnooze', { agentId })
  }

  private ask(
    event: 'presence:claim' | 'presence:release' | 'presence:unsnooze' | 'presence:snooze',
    body: { agentId: string } | SnoozeRequest,
  ): Promise<PresenceAnswer> {
    const socket = this.socket
    if (!socket?.connected) return Promise.reject(new Error('not connected'))
    return new Promise((resolve, reject) => {
      const reply = (err: Error | null, answer: unknown) => {
        const parsed = presenceAnswerSchema.safeParse(answer)
        if (err || !parsed.success) reject(err ?? new Error('the relay answered nonsense'))
        else resolve(parsed.data)
      }
      if (event === 'presence:snooze')
        socket.timeout(PRESENCE_TIMEOUT_MS).emit(event, body as SnoozeRequest, reply)
      else socket.timeout(PRESENCE_TIMEOUT_MS).emit(event, body, reply)
    })
  }

  /** Closes the link and stops retrying (sign-out, tests). */
  disconnect(): void {
    this.wanted = false
    this.reconnectNow = false
    this.clearTimers()
    if (this.statusTimer !== null) clearInterval(this.statusTimer)
    this.statusTimer = null
    this.socket?.disconnect()
    this.dropLink()
  }

  private bind(socket: FloorClientSocket): void {
    socket.on('connect', () => {
      this.generation += 1
      this.retries = 0
      this.resyncing = false
      this.held = []
      this.sink.linkUp(socket.recovered, this.now())
      if (!socket.recovered) {
        // The relay sends a snapshot on every fresh connection; ask if it does not come.
        this.clearSnapshotTimer()
        this.snapshotTimer = setTimeout(() => this.resync(), SNAPSHOT_WAIT_MS)
      }
    })

    socket.on('disconnect', (reason) => {
      this.dropLink()
      // socket.io retries by itself, except when the server closed the socket on purpose.
      if (reason !== 'io server disconnect') return
      if (this.reconnectNow && this.wanted) {
        this.reconnectNow = false
        socket.connect()
      } else {
        this.retryLater()
      }
    })

    socket.on('connect_error', (err) => {
      // Refused for want of a session: retrying cannot help, the page must sign in again.
      const refusal = authRefusal(err)
      if (refusal) {
        this.endSession({ reason: refusal, message: err.message })
        return
      }
      // Any other refusal (relay starting, a proxy) makes socket.io stop; keep trying anyway.
      if (!socket.active) this.retryLater()
    })

    socket.on('session:ended', (payload) => {
      const info = sessionEndedSchema.parse(payload ?? {})
      if (info.reason === 'changed') {
        this.reconnectNow = true
        this.notifySessionEnded(info)
      } else {
        this.endSession(info)
      }
    })

    socket.on('settings:changed', (payload) => {
      const parsed = floorSettingsSchema.safeParse(payload)
      if (!parsed.success) {
        console.error('settings:changed payload rejected', parsed.error.issues)
        return
      }
      for (const listener of [...this.settingsListeners]) listener(parsed.data)
    })

    socket.on('floor:snapshot', (payload) => this.takeSnapshot(payload))

    socket.on('presence:snapshot', (payload) => {
      const parsed = presenceSnapshotSchema.safeParse(payload)
      if (parsed.success) this.options.presence?.receivePresenceSnapshot(parsed.data)
      else console.error('presence:snapshot payload rejected', parsed.error.issues)
    })

    socket.on('presence:changed', (payload) => {
      const parsed = agentPresenceSchema.safeParse(payload)
      if (parsed.success) this.options.presence?.receivePresence(parsed.data)
      else console.error('presence:changed payload rejected', parsed.error.issues)
    })

    socket.on('floor:changed', (payload) => {
      const parsed = floorChangeSchema.safeParse(payload)
      if (!parsed.success) {
        console.error('floor:changed payload rejected', parsed.error.issues)
        this.resync()
        return
      }
      if (this.resyncing) {
        if (this.held.length < HELD_MAX) this.held.push(parsed.data)
        return
      }
      if (this.sink.receiveChange(parsed.data, this.now()) === 'gap') this.resync()
    })

    socket.on('floor:heartbeat', (payload) => {
      const parsed = floorHeartbeatSchema.safeParse(payload)
      if (!parsed.success) {
        console.error('floor:heartbeat payload rejected', parsed.error.issues)
        return
      }
      const behind = this.sink.receiveHeartbeat(parsed.data, this.now())
      if (behind && !this.resyncing) this.resync()
    })
  }

  /** Applies a snapshot, then the batches held meanwhile; returns false if it was unusable. */
  private takeSnapshot(payload: unknown): boolean {
    const parsed = floorSnapshotSchema.safeParse(payload)
    if (!parsed.success) {
      console.error('floor snapshot rejected', parsed.error.issues)
      return false
    }
    this.clearSnapshotTimer()
    this.sink.receiveSnapshot(parsed.data, this.now())
    const held = this.held.sort((a, b) => a.seq - b.seq)
    this.held = []
    for (let i = 0; i < held.length; i++) {
      const change = held[i]
      if (change && this.sink.receiveChange(change, this.now()) === 'gap') {
        this.held = held.slice(i + 1)
        this.resync()
        break
      }
    }
    return true
  }

  /** Asks the relay for a fresh snapshot; batches that arrive meanwhile are held. */
  private resync(): void {
    const socket = this.socket
    if (!socket?.connected || this.resyncing) return
    this.resyncing = true
    this.clearSnapshotTimer()
    const generation = this.generation
    socket.timeout(RESYNC_TIMEOUT_MS).emit('floor:resync', (err, snapshot) => {
      if (generation !== this.generation) return // the link changed meanwhile
      this.resyncing = false
      if (err || !this.takeSnapshot(snapshot)) {
        this.held = []
        this.resyncTimer = setTimeout(() => {
          this.resyncTimer = null
          this.resync()
        }, RETRY_BASE_MS)
      }
    })
  }

  /** The session is over: stop the link for good and tell the page. */
  private endSession(info: SessionEnded): void {
    this.disconnect()
    this.notifySessionEnded(info)
  }

  private notifySessionEnded(info: SessionEnded): void {
    for (const listener of [...this.sessionListeners]) listener(info)
  }

  private dropLink(): void {
    this.generation += 1
    this.resyncing = false
    this.held = []
    this.clearSnapshotTimer()
    if (this.resyncTimer !== null) clearTimeout(this.resyncTimer)
    this.resyncTimer = null
    this.sink.linkDown(this.now())
  }

  private retryLater(): void {
    if (!this.wanted || this.retryTimer !== null) return
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** this.retries)
    this.retries += 1
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (!this.wanted) return
      if (!this.socket) this.createSocket()
      else if (!this.socket.connected && !this.socket.active) this.socket.connect()
    }, delay)
  }

  private clearSnapshotTimer(): void {
    if (this.snapshotTimer !== null) clearTimeout(this.snapshotTimer)
    this.snapshotTimer = null
  }

  private clearTimers(): void {
    this.clearSnapshotTimer()
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    if (this.resyncTimer !== null) clearTimeout(this.resyncTimer)
    this.retryTimer = null
    this.resyncTimer = null
  }
}

/** The reason a handshake was refused, when it means "no valid session" (socket.io puts it in `data`). */
function authRefusal(err: unknown): AuthRefusal | null {
  const data = (err as { data?: unknown } | null)?.data
  const reason = (data as { reason?: unknown } | null | undefined)?.reason
  return typeof reason === 'string' && (AUTH_REFUSALS as readonly string[]).includes(reason)
    ? (reason as AuthRefusal)
    : null
}
