import { type EventLoopUtilization, performance } from 'node:perf_hooks'
import type { Server, Socket } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '@/shared/events'
import { FLUSH_MS, HEARTBEAT_MS } from '@/shared/events'
import type {
  AgentPatch,
  AgentView,
  CallSummary,
  FloorSnapshot,
  TodayFigures,
} from '@/shared/floor'
import type { CallBacks } from '@/shared/outbound'
import type { FloorSettings } from '@/shared/settings'
import type { AgentsStore } from '../agents/agents.store'
import type { CallsStore } from '../day-calls/calls.store'
import { patchOf } from './agent-patch'
import type { Audience } from './audience'
import { FlushWindow, type FlushMode } from './flush-window'
import { connectionBusy, type HeldChange, HeldScreens, type ScreenConnection } from './held-screens'
import { identityOf } from './socket-identity'
import {
  CoalescedAnswer,
  type EventHandlers,
  SocketLimiter,
  type SocketTimers,
} from './socket-limits'

/**
 * What a dropped socket leaves for its connection state recovery: socket.io's Redis adapter
 * writes it to Redis in a cluster, so it is text and no secret. Who a socket is stays beside
 * it (`identityOf`).
 */
export interface SocketData {
  /** The session's id (the token's hash, not the token). */
  sessionId: string
  /** The key of the audience it was shown. */
  audienceKey: string
  role: string
}

export type FloorServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>
export type FloorSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>

interface Room {
  audience: Audience
  /** Sequence number of the last batch sent to this room. */
  seq: number
  /**
   * For a filtered audience, the agents it has been shown, so an agent who leaves the view
   * (moves department, loses a skill) can be removed from its screens.
   */
  shown: Set<string> | null
  /** The abandoned callers as last sent to this room (JSON), so an unchanged list is not resent. */
  callBacks: string | null
}

interface Pending {
  agents: Map<string, AgentView>
  calls: CallSummary[]
  /** Figures changed without a call (the day rolled over). */
  figuresReset: boolean
  /** The tenant's abandoned callers changed: each room gets its part again if it differs. */
  callBacks: boolean
}

// A client may ask for a fresh snapshot at most this often; more often it waits.
const RESYNC_MIN_INTERVAL_MS = 1_000

/** Client events of one domain of the contract (`floor:`, `presence:`). */
export type ClientHandlersOf<Domain extends string> = {
  [E in Extract<keyof ClientToServerEvents, `${Domain}:${string}`>]: EventHandlers[string]
}

/** Handlers another domain adds to every socket (its requests), with the socket's timers. */
export type SocketHandlersProvider = (socket: FloorSocket, timers: SocketTimers) => EventHandlers

/**
 * Fans the floor out over socket.io. Changes are coalesced per agent and flushed once per room:
 * at once while the relay keeps up, and under load no more often than its `FlushWindow` allows
 * (at most every `flushMs`, FLUSH_MS unless configured): a burst of events for one agent sends
 * only its final state, and never loses it. A screen whose connection is still busy with earlier
 * data is left out of its room's batches and gets what it missed as one catch-up when the
 * connection is free (`HeldScreens`). Each audience (room) has its own `seq` so a client can see
 * a gap and resync.
 */
export class FloorGateway {
  private readonly rooms = new Map<string, Room>()
  private readonly pending = new Map<string, Pending>()
  private readonly lastEventAt = new Map<string, number>()
  /** Per namespace, each agent's view as of the last flush: what every screen holds. */
  private readonly flushed = new Map<string, Map<string, AgentView>>()
  private flushTimer: { cancel(): void } | null = null
  private lastFlushAt = 0
  private readonly window: FlushWindow
  /** The event loop's use as of the last scheduled flush, to measure it between flushes. */
  private loopUse: EventLoopUtilization = performance.eventLoopUtilization()
  /** Screens left out of their room's batches while their connection is busy. */
  readonly held = new HeldScreens()
  /** Held screens with a listener on their transport's next 'ready'. */
  private readonly watching = new Set<string>()
  private readonly heartbeat: NodeJS.Timeout
  /** Every client event passes here: rate-limited per socket, nothing outliving its socket. */
  readonly limits = new SocketLimiter()
  /** Requests of other domains, passing the same allowance as the floor's own. */
  private readonly providers: SocketHandlersProvider[] = []

  constructor(
    private readonly io: FloorServer,
    private readonly agents: AgentsStore,
    private readonly calls: CallsStore,
    private readonly now: () => number,
    flushMs: number = FLUSH_MS,
    /**
     * One of several relay processes (cluster mode). Each process sends its own screens what
     * it holds (every process holds the same floor, through the cluster feed), so nothing here
     * is sent through Redis; a screen that reconnects to another process starts from a
     * snapshot, since that process's batches are not the ones it missed.
     */
    private readonly clustered = false,
    /** `fixed`: one batch per `flushMs` under steady traffic, as before (FLOOR_FLUSH). */
    mode: FlushMode = 'adaptive',
  ) {
    this.window = new FlushWindow(mode, flushMs)
    calls.abandoned.onChange((namespace) => {
      this.pendingOf(namespace).callBacks = true
      this.schedule()
    })
    io.on('connection', (socket) => this.onConnection(socket))
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS)
  }

  /** Lets every socket connecting from now on send another domain's requests too. */
  addClientHandlers(provider: SocketHandlersProvider): void {
    this.providers.push(provider)
  }

  /** The platform said something about this namespace (any event, even one that changed nothing). */
  noteEvent(namespace: string, at: number): void {
    this.lastEventAt.set(namespace, at)
  }

  agentChanged(view: AgentView): void {
    this.pendingOf(view.namespace).agents.set(view.id, view)
    this.schedule()
  }

  callEnded(call: CallSummary): void {
    this.pendingOf(call.namespace).calls.push(call)
    this.schedule()
  }

  /** A tenant's figures changed without a call (its queue rules changed): resend them. */
  figuresChanged(namespace: string): void {
    this.pendingOf(namespace).figuresReset = true
    this.schedule()
  }

  /** Tells every screen of a tenant that its thresholds or targets changed. */
  settingsChanged(namespace: string, settings: FloorSettings): void {
    for (const room of this.rooms.values()) {
      if (room.audience.namespace === namespace)
        this.io.local.to(room.audience.key).emit('settings:changed', settings)
    }
  }

  clientCount(): number {
    return this.io.engine.clientsCount
  }

  close(): void {
    clearInterval(this.heartbeat)
    this.flushTimer?.cancel()
    this.flushTimer = null
  }

  /** The whole floor as one audience sees it now. */
  snapshot(audience: Audience): FloorSnapshot {
    // Send what is pending first: later batches patch the views as last flushed, so a new
    // client must start from exactly those.
    if (this.pending.has(audience.namespace)) this.flush()
    const room = this.roomOf(audience)
    const agents = this.agents.list(audience.namespace).filter(audience.includesAgent)
    for (const agent of agents) room.shown?.add(agent.id)
    const callBacks = this.calls.abandoned.read(audience.namespace, audience.includesCall)
    room.callBacks = JSON.stringify(callBacks)
    return {
      namespace: audience.namespace,
      agents,
      figures: this.calls.figuresFor(audience.namespace, audience.includesBucket),
      latestCalls: this.calls.latestFor(audience.namespace, audience.includesCall),
      callBacks,
      serverTime: this.now(),
      seq: room.seq,
      lastEventAt: this.lastEventAt.get(audience.namespace) ?? null,
    }
  }

  /** Sends what is pending now; exposed for tests and shutdown. */
  flush(): void {
    this.flushNow(null)
  }

  /** `utilization`: the event loop's, since the last scheduled flush; null when called directly. */
  private flushNow(utilization: number | null): void {
    const started = performance.now()
    this.flushTimer?.cancel()
    this.flushTimer = null
    this.lastFlushAt = this.now()
    const serverTime = this.lastFlushAt
    for (const [namespace, p] of this.pending) {
      const lastEventAt = this.lastEventAt.get(namespace) ?? null
      const flushed = this.flushedOf(namespace)
      // Each change as a patch over the view last flushed, computed once for every room.
      const changes = [...p.agents.values()].map((view) => {
        const prev = flushed.get(view.id) ?? null
        return { view, prev, patch: prev ? patchOf(prev, view) : null }
      })
      for (const room of this.rooms.values()) {
        const a = room.audience
        if (a.namespace !== namespace) continue
        const agents: AgentView[] = []
        const patches: AgentPatch[] = []
        const removed: string[] = []
        /** Every agent of the batch, for the screens that are left out of it. */
        const forHeld: HeldChange[] = []
        for (const { view, prev, patch } of changes) {
          if (a.includesAgent(view)) {
            // A room whose screens already hold the agent gets the patch; otherwise the whole view.
            const held = room.shown ? room.shown.has(view.id) : patch !== null
            forHeld.push({ view, base: held ? prev : null })
            if (held && patch) patches.push(patch)
            else agents.push(view)
            room.shown?.add(view.id)
          } else if (room.shown?.delete(view.id)) {
            removed.push(view.id)
          }
        }
        const calls = p.calls.filter(a.includesCall)
        const withFigures = calls.length > 0 || p.figuresReset
        const callBacks = p.callBacks ? this.callBacksChange(room) : null
        if (
          agents.length === 0 &&
          patches.length === 0 &&
          removed.length === 0 &&
          !withFigures &&
          !callBacks
        )
          continue
        const figures: TodayFigures | null = withFigures
          ? this.calls.figuresFor(namespace, a.includesBucket)
          : null
        const busy = this.busyScreens(room, serverTime)
        room.seq += 1
        const to = this.io.local.to(a.key)
        ;(busy.length > 0 ? to.except(busy) : to).emit('floor:changed', {
          seq: room.seq,
          serverTime,
          agents,
          ...(patches.length > 0 ? { patches } : {}),
          ...(removed.length > 0 ? { removed } : {}),
          ...(figures ? { figures } : {}),
          ...(calls.length > 0 ? { calls } : {}),
          ...(callBacks ? { callBacks } : {}),
          lastEventAt,
        })
        for (const id of busy)
          this.held.add(id, { agents: forHeld, removed, figures, calls, callBacks, lastEventAt })
      }
      for (const { view } of changes) flushed.set(view.id, view)
    }
    this.pending.clear()
    this.window.flushed(performance.now() - started, utilization)
  }

  /**
   * The screens of a room about to get a batch whose connection is still busy: they are left
   * out of it and held (from the room's seq before it). A held screen whose connection is free
   * again is first sent its catch-up, and then takes the batch with the others.
   */
  private busyScreens(room: Room, serverTime: number): string[] {
    const members = this.io.sockets.adapter.rooms.get(room.audience.key)
    if (!members) return []
    const busy: string[] = []
    for (const id of members) {
      const socket = this.io.sockets.sockets.get(id)
      if (!socket) continue
      const isBusy = connectionBusy(socket.conn as unknown as ScreenConnection)
      if (this.held.has(id)) {
        if (isBusy) busy.push(id)
        else this.catchUp(socket, room, serverTime)
      } else if (isBusy) {
        this.held.hold(id, room.seq)
        this.watchDrain(socket)
        busy.push(id)
      }
    }
    return busy
  }

  /** Sends a held screen what it missed, as one batch that brings it to its room's seq. */
  private catchUp(socket: FloorSocket, room: Room, serverTime: number): void {
    const change = this.held.catchUp(socket.id, room.seq, serverTime)
    if (change) socket.emit('floor:changed', change)
  }

  /** Hears when a held screen's transport has written everything (engine.io's 'ready'). */
  private watchDrain(socket: FloorSocket): void {
    if (this.watching.has(socket.id)) return
    this.watching.add(socket.id)
    socket.conn.transport.once('ready', () => {
      this.watching.delete(socket.id)
      this.screenFree(socket)
    })
  }

  /**
   * A held screen may be free: if its connection has nothing left to send (engine.io flushes its
   * own buffer first on the same 'ready'), it gets its catch-up; otherwise wait for the next.
   */
  private screenFree(socket: FloorSocket): void {
    if (!this.held.has(socket.id)) return
    if (!socket.connected) {
      this.held.release(socket.id)
      return
    }
    if (connectionBusy(socket.conn as unknown as ScreenConnection)) {
      this.watchDrain(socket)
      return
    }
    const room = this.rooms.get(identityOf(socket).audience.key)
    if (room) this.catchUp(socket, room, this.now())
    else this.held.release(socket.id)
  }

  /** A snapshot for one socket: it covers whatever the socket was owed. */
  private snapshotFor(socket: FloorSocket, audience: Audience): FloorSnapshot {
    const snapshot = this.snapshot(audience)
    this.held.release(socket.id)
    return snapshot
  }

  /** The room's abandoned callers when they differ from what it was last sent, else null. */
  private callBacksChange(room: Room): CallBacks | null {
    const a = room.audience
    const now = this.calls.abandoned.read(a.namespace, a.includesCall)
    const json = JSON.stringify(now)
    if (json === room.callBacks) return null
    room.callBacks = json
    return now
  }

  private flushedOf(namespace: string): Map<string, AgentView> {
    let m = this.flushed.get(namespace)
    if (!m) {
      m = new Map()
      this.flushed.set(namespace, m)
    }
    return m
  }

  private onConnection(socket: FloorSocket): void {
    // An earlier connection listener may have closed it already (its session ended meanwhile).
    if (!socket.connected) return
    const { audience } = identityOf(socket)
    const room = this.roomOf(audience)
    // Rooms are recomputed on every connect, recovered or not: a recovered session comes back
    // with the rooms it had, and whatever those were, the socket belongs in its audience's only.
    const stale = [...socket.rooms].filter((r) => r !== socket.id && r !== audience.key)
    for (const r of stale) void socket.leave(r)
    const replayed =
      !this.clustered && socket.recovered && stale.length === 0 && socket.rooms.has(audience.key)
    void socket.join(audience.key)
    // A recovered session has been replayed the batches its room missed; any other connection
    // starts from a snapshot.
    if (!replayed) socket.emit('floor:snapshot', this.snapshotFor(socket, room.audience))
    socket.on('disconnect', () => {
      // A recovered session is replayed what its room sent it; what it was held from shows as
      // a gap, and the client resyncs.
      this.held.release(socket.id)
      this.watching.delete(socket.id)
    })

    this.limits.guard(socket, (timers): EventHandlers => {
      const resync = new CoalescedAnswer(timers, RESYNC_MIN_INTERVAL_MS, () =>
        this.snapshotFor(socket, room.audience),
      )
      const floor: ClientHandlersOf<'floor'> = {
        'floor:resync': (...args) => {
          const [ack] = args
          if (args.length === 1 && typeof ack === 'function')
            resync.ask(ack as (s: FloorSnapshot) => void)
        },
      }
      const handlers: EventHandlers = { ...floor }
      for (const provide of this.providers) Object.assign(handlers, provide(socket, timers))
      return handlers
    })
  }

  private beat(): void {
    const now = this.now()
    // A call back asked long ago and never ended stops showing as under way.
    this.calls.abandoned.expire(now)
    if (this.calls.rollover(now)) {
      for (const namespace of new Set([...this.rooms.values()].map((r) => r.audience.namespace))) {
        this.pendingOf(namespace).figuresReset = true
      }
      this.schedule()
    }
    // A held screen that missed its transport's 'ready' (an upgrade in between) is caught up
    // here at the latest; one still busy gets no heartbeat, whose seq it has not reached.
    for (const id of this.held.ids()) {
      const socket = this.io.sockets.sockets.get(id)
      if (socket) this.screenFree(socket)
      else this.held.release(id)
    }
    const held = this.held.ids()
    for (const room of this.rooms.values()) {
      const to = this.io.local.to(room.audience.key)
      ;(held.length > 0 ? to.except(held) : to).volatile.emit('floor:heartbeat', {
        serverTime: now,
        seq: room.seq,
        lastEventAt: this.lastEventAt.get(room.audience.namespace) ?? null,
      })
    }
  }

  /**
   * Flushes in the next turn of the event loop when the last flush is longer ago than the
   * window's interval (always, on an idle relay), else when that interval has passed.
   */
  private schedule(): void {
    if (this.flushTimer) return
    const wait = Math.max(0, this.lastFlushAt + this.window.intervalMs() - this.now())
    const run = () => {
      this.flushTimer = null
      const use = performance.eventLoopUtilization()
      const since = performance.eventLoopUtilization(use, this.loopUse)
      this.loopUse = use
      this.flushNow(since.utilization)
    }
    if (wait === 0) {
      const immediate = setImmediate(run)
      this.flushTimer = { cancel: () => clearImmediate(immediate) }
    } else {
      const timer = setTimeout(run, wait)
      this.flushTimer = { cancel: () => clearTimeout(timer) }
    }
  }

  private roomOf(audience: Audience): Room {
    let room = this.rooms.get(audience.key)
    if (!room) {
      room = { audience, seq: 0, shown: audience.filtered ? new Set() : null, callBacks: null }
      this.rooms.set(audience.key, room)
    }
    return room
  }

  private pendingOf(namespace: string): Pending {
    let p = this.pending.get(namespace)
    if (!p) {
      p = { agents: new Map(), calls: [], figuresReset: false, callBacks: false }
      this.pending.set(namespace, p)
    }
    return p
  }
}
