import { createAdapter } from '@socket.io/redis-streams-adapter'
import type { Redis } from 'ioredis'
import { ClusterFeed } from './feed'
import { Leadership } from './leader'
import { type ClusterMessage, type ClusterMessageOf, parseClusterMessage } from './messages'
import { connectRedis, redisReady } from './redis'

// Messages held while Redis is away; past this the oldest go, and the others rebuild from the
// store once Redis is back.
const OUTBOX_MAX = 100_000
// Entries sent to Redis in one round trip.
const SEND_BATCH = 200
// After a failed send, the next try waits this long, ms.
const RETRY_MS = 500
// The lease on work that must run once lasts this long unrenewed, ms: a stopped process's share
// moves to another within it.
const LEASE_MS = 10_000

export interface ClusterSettings {
  redisUrl: string
  prefix: string
  nodeId: string
  /** How often the floor is compared with the store, ms. */
  reconcileMs: number
}

type Handlers = { [K in ClusterMessage['kind']]?: (m: ClusterMessageOf<K>) => void | Promise<void> }

interface Queued {
  message: ClusterMessage
  sent: () => void
}

export interface ClusterHealth {
  nodeId: string
  redis: 'up' | 'down'
  /** Messages accepted here and not yet passed to the others (Redis away). */
  unsent: number
  /** This process runs the work that must run once. */
  leader: boolean
}

/**
 * This relay process's part in a cluster: it tells the others what it accepted (`announce`),
 * applies what they accepted (the handlers), lends socket.io its Redis adapter, and holds the
 * lease on work that must run once when it is its turn.
 */
export class Cluster {
  readonly nodeId: string
  /** For commands and publishing; the socket.io adapter uses it too. */
  readonly redis: Redis
  private readonly feed: ClusterFeed<ClusterMessage>
  private readonly lease: Leadership
  private handlers: Handlers = {}
  private outbox: Queued[] = []
  private sending = false
  private dropped = false
  private leaderChanged: (leading: boolean) => void = () => {}
  private joinedAt = '0-0'

  constructor(
    readonly settings: ClusterSettings,
    private readonly log: { warn: (o: object, m: string) => void } = { warn: () => {} },
  ) {
    this.nodeId = settings.nodeId
    this.redis = connectRedis(settings.redisUrl, `relay-${settings.nodeId}`)
    this.feed = new ClusterFeed<ClusterMessage>({
      redis: this.redis,
      reader: connectRedis(settings.redisUrl, `relay-${settings.nodeId}-feed`),
      key: `${settings.prefix}feed`,
      nodeId: settings.nodeId,
      parse: parseClusterMessage,
      deliver: (m) => this.dispatch(m),
      onGap: () => this.dispatch({ kind: 'resync' }),
      onError: (err) => log.warn({ err }, 'the cluster feed could not be read; retrying'),
    })
    this.lease = new Leadership({
      redis: this.redis,
      key: `${settings.prefix}leader`,
      nodeId: settings.nodeId,
      ttlMs: LEASE_MS,
      onChange: (leading) => this.leaderChanged(leading),
    })
  }

  /** What to do with each kind of message from the other processes. */
  on(handlers: Handlers): void {
    Object.assign(this.handlers, handlers)
  }

  /** Called when this process starts or stops running the work that must run once. */
  onLeadership(changed: (leading: boolean) => void): void {
    this.leaderChanged = changed
  }

  get isLeader(): boolean {
    return this.lease.isLeader
  }

  /**
   * Joins: notes the feed's position, lets `restore` read the store, then applies everything
   * the others accepted from that position on (what `restore` already saw applies once more,
   * which the floor and the day's calls take as duplicates).
   */
  async start(restore: () => Promise<void>): Promise<void> {
    await this.join()
    await restore()
    this.follow()
  }

  /** Notes the feed's position: first, before the store is read. */
  async join(): Promise<void> {
    this.joinedAt = await this.feed.head()
  }

  /** Applies what the others accepted since `join`, and takes its turn at the lease. */
  follow(): void {
    this.feed.start(this.joinedAt)
    this.lease.start()
  }

  /**
   * Tells the other processes. Resolves once Redis has it, or, while Redis is away, once it is
   * queued to be sent in order when Redis is back (what it concerns is durable in the store).
   */
  announce(message: ClusterMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.outbox.length >= OUTBOX_MAX) {
        this.outbox.shift()?.sent()
        this.dropped = true
      }
      this.outbox.push({ message, sent: resolve })
      void this.send()
    })
  }

  /** The socket.io adapter: what one process emits to a room reaches that room's sockets on all. */
  socketAdapter(): ReturnType<typeof createAdapter> {
    return createAdapter(this.redis, {
      streamName: `${this.settings.prefix}socket.io`,
      channelPrefix: `${this.settings.prefix}socket.io`,
      sessionKeyPrefix: `${this.settings.prefix}sio:session:`,
    })
  }

  health(): ClusterHealth {
    return {
      nodeId: this.nodeId,
      redis: redisReady(this.redis) && this.feed.healthy ? 'up' : 'down',
      unsent: this.outbox.length,
      leader: this.lease.isLeader,
    }
  }

  async stop(): Promise<void> {
    await this.lease.stop()
    await this.feed.stop()
    // What is still unsent is in the store; the others rebuild from it if they notice the gap.
    for (const q of this.outbox.splice(0)) q.sent()
    this.redis.disconnect()
  }

  private async send(): Promise<void> {
    if (this.sending) return
    this.sending = true
    try {
      while (this.outbox.length > 0) {
        if (this.dropped) {
          this.outbox.unshift({ message: { kind: 'resync' }, sent: () => {} })
          this.dropped = false
        }
        const batch = this.outbox.slice(0, SEND_BATCH)
        try {
          await Promise.all(batch.map((q) => this.feed.publish(q.message)))
        } catch (err) {
          this.log.warn(
            { err, unsent: this.outbox.length },
            'Redis is unreachable: holding cluster messages',
          )
          // The callers go on: what they announced is durable; it is sent when Redis is back.
          for (const q of batch) q.sent()
          await new Promise((r) => setTimeout(r, RETRY_MS))
          continue
        }
        this.outbox.splice(0, batch.length)
        for (const q of batch) q.sent()
      }
    } finally {
      this.sending = false
    }
  }

  private async dispatch(m: ClusterMessage): Promise<void> {
    const handler = this.handlers[m.kind] as
      ((m: ClusterMessage) => void | Promise<void>) | undefined
    try {
      await handler?.(m)
    } catch (err) {
      this.log.warn(
        { err, kind: m.kind },
        'a message from another relay process could not be applied',
      )
    }
  }
}
