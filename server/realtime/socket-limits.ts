import { performance } from 'node:perf_hooks'

/*
 * What one socket may cost the relay. A browser sends a handful of tiny events a minute (a
 * resync after a gap; later, claims); a script can send a million a second. Every event a
 * socket sends passes one allowance, whatever its name, and everything the relay schedules for
 * a socket dies with it.
 */

/** Events a socket may send in one burst. */
export const EVENT_BURST = 20 // events
/** Events a socket may go on sending once its burst is spent. */
export const EVENTS_PER_SEC = 5 // events per second
/**
 * Events over its allowance a socket may send before it is closed. They are dropped meanwhile,
 * and forgiven at EVENTS_PER_SEC, so only a socket far over the limit is closed.
 */
export const EVENTS_OVER_LIMIT_BEFORE_CLOSE = 100 // events
/** Largest message a client may send; the relay's own clients send under 100 bytes. */
export const MAX_CLIENT_MESSAGE_BYTES = 4_096 // bytes
/** Asks that may wait for one pending answer of a socket; later ones are dropped unanswered. */
export const MAX_WAITING_ANSWERS = 4 // asks

/** What the limiter needs of a socket.io socket (any event map). */
export interface LimitedSocket {
  readonly connected: boolean
  use(fn: (packet: unknown[], next: (err?: Error) => void) => void): unknown
  disconnect(close: boolean): unknown
  on(event: string, listener: (...args: unknown[]) => void): unknown
}

/** Handlers of the events a socket may send, by name. They check their own arguments. */
export type EventHandlers = Record<string, (...args: unknown[]) => void>

/** Timers that belong to one socket: cancelled when it disconnects. */
export interface SocketTimers {
  /** Runs `fn` after `ms`, unless the socket has gone by then. */
  after(ms: number, fn: () => void): void
  /** The limiter's clock, ms (monotonic). */
  now(): number
}

/** One socket's allowance: a token bucket that may run into debt, and the timers it holds. */
class Allowance implements SocketTimers {
  private tokens = EVENT_BURST
  private refilledAt: number
  readonly timers = new Set<NodeJS.Timeout>()
  private gone = false

  constructor(readonly now: () => number) {
    this.refilledAt = now()
  }

  /** Spends one event: allowed, dropped (over the limit), or the socket must go (far over it). */
  spend(): 'allow' | 'drop' | 'close' {
    const now = this.now()
    this.tokens = Math.min(
      EVENT_BURST,
      this.tokens + ((now - this.refilledAt) / 1000) * EVENTS_PER_SEC,
    )
    this.refilledAt = now
    this.tokens -= 1
    if (this.tokens >= 0) return 'allow'
    return this.tokens < -EVENTS_OVER_LIMIT_BEFORE_CLOSE ? 'close' : 'drop'
  }

  after(ms: number, fn: () => void): void {
    if (this.gone) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, ms)
    this.timers.add(timer)
  }

  dispose(): void {
    this.gone = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}

/**
 * Rate-limits every socket of one server: events not among a socket's handlers are dropped,
 * the rest pass its allowance, and a socket far over it is disconnected. Keeps one entry per
 * open socket, removed (with its timers) when the socket disconnects.
 */
export class SocketLimiter {
  private readonly allowances = new Map<LimitedSocket, Allowance>()

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /**
   * Installs the allowance on a socket that just connected and registers the handlers that
   * `handlersFor` makes with the socket's timers: the only events the socket may send.
   */
  guard(socket: LimitedSocket, handlersFor: (timers: SocketTimers) => EventHandlers): void {
    // A socket that has already gone (closed by an earlier connection listener) gets nothing.
    if (!socket.connected) return
    const allowance = new Allowance(this.clock)
    const handlers = handlersFor(allowance)
    this.allowances.set(socket, allowance)
    socket.use((packet, next) => {
      // Packets already read when it was closed still come through here: drop them.
      if (!socket.connected) return
      const verdict = allowance.spend()
      if (verdict === 'close') {
        socket.disconnect(true)
        return
      }
      // Own names only: `constructor` or `__proto__` are not handlers.
      const event = packet[0]
      if (verdict === 'allow' && typeof event === 'string' && Object.hasOwn(handlers, event)) next()
    })
    for (const [event, handler] of Object.entries(handlers)) socket.on(event, handler)
    socket.on('disconnect', () => {
      allowance.dispose()
      this.allowances.delete(socket)
    })
  }

  /** Open sockets guarded, and timers they hold (both drop to 0 as sockets leave). */
  stats(): { sockets: number; timers: number } {
    let timers = 0
    for (const a of this.allowances.values()) timers += a.timers.size
    return { sockets: this.allowances.size, timers }
  }
}

/**
 * A connection may send a CONNECT for the same namespace many times before the first is
 * accepted, and socket.io would authenticate each and send each a snapshot. The relay's clients
 * open one socket per connection; so does everyone else.
 */
export function onePerConnection(): (
  socket: { client: object },
  next: (err?: Error) => void,
) => void {
  const used = new WeakSet<object>()
  return (socket, next) => {
    if (used.has(socket.client)) {
      next(new Error('one socket per connection'))
      return
    }
    used.add(socket.client)
    next()
  }
}

/**
 * Answers a costly ask (a fresh snapshot) at most once per `minIntervalMs` for one socket. An
 * ask while an answer is due waits for that answer and shares it; at most MAX_WAITING_ANSWERS
 * wait, later ones are dropped unanswered. Its one timer belongs to the socket.
 */
export class CoalescedAnswer<T> {
  private answeredAt = Number.NEGATIVE_INFINITY
  private readonly waiting: ((value: T) => void)[] = []

  constructor(
    private readonly timers: SocketTimers,
    private readonly minIntervalMs: number,
    private readonly compute: () => T,
  ) {}

  ask(reply: (value: T) => void): void {
    if (this.waiting.length > 0) {
      if (this.waiting.length < MAX_WAITING_ANSWERS) this.waiting.push(reply)
      return
    }
    const wait = this.answeredAt + this.minIntervalMs - this.timers.now()
    if (wait <= 0) {
      this.answeredAt = this.timers.now()
      reply(this.compute())
      return
    }
    this.waiting.push(reply)
    this.timers.after(wait, () => {
      this.answeredAt = this.timers.now()
      const value = this.compute()
      for (const r of this.waiting.splice(0)) r(value)
    })
  }
}
