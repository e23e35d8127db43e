import type { Redis } from 'ioredis'

// Entries the feed keeps (approximately): a process away for longer than this many events
// takes the floor from the store again instead (see `onGap`).
const DEFAULT_MAX_LEN = 100_000
// One read takes at most this many entries, and waits this long for the first, ms.
const READ_COUNT = 500
const BLOCK_MS = 1_000
// After a failed read, the next try waits this long, ms.
const RETRY_MS = 500

export interface FeedOptions<T> {
  /** Publishes (XADD). */
  redis: Redis
  /** A connection of its own for the blocking reads. */
  reader: Redis
  /** The stream's key. */
  key: string
  /** This process: its own entries are not delivered back to it. */
  nodeId: string
  /** Checks an entry read back; null: skipped (reported through `onError`). */
  parse: (value: unknown) => T | null
  /** Each entry of another process, in the feed's order; awaited before the next. */
  deliver: (message: T, from: string) => void | Promise<void>
  /** The feed was trimmed past this process's position: what it missed must come from the store. */
  onGap?: () => void | Promise<void>
  onError?: (err: unknown) => void
  maxLen?: number
}

/**
 * What every relay process must apply, in one order for all: a Redis stream. Each process
 * publishes what it accepted (after it is durable) and reads everyone else's from where it
 * started, so each entry reaches each process once, in the stream's order.
 */
export class ClusterFeed<T> {
  private cursor = '0-0'
  private stopped = true
  private loop: Promise<void> = Promise.resolve()
  /** False while reads fail (Redis away); health reports it. */
  healthy = true
  /** Entries delivered from other processes. */
  delivered = 0

  constructor(private readonly o: FeedOptions<T>) {}

  /** The feed's latest entry id now: read from here after restoring from the store. */
  async head(): Promise<string> {
    const last = await this.o.redis.xrevrange(this.o.key, '+', '-', 'COUNT', 1)
    return last[0]?.[0] ?? '0-0'
  }

  async publish(message: T): Promise<string> {
    const id = await this.o.redis.xadd(
      this.o.key,
      'MAXLEN',
      '~',
      this.o.maxLen ?? DEFAULT_MAX_LEN,
      '*',
      'n',
      this.o.nodeId,
      'm',
      JSON.stringify(message),
    )
    if (id === null) throw new Error('the cluster feed refused an entry')
    return id
  }

  /** Reads every entry after `from` (an id from `head()`) until `stop()`. */
  start(from: string): void {
    this.cursor = from
    this.stopped = false
    this.loop = this.run()
  }

  async stop(): Promise<void> {
    this.stopped = true
    // Ends the blocking read at once.
    this.o.reader.disconnect()
    await this.loop
  }

  private async run(): Promise<void> {
    let failed = false
    while (!this.stopped) {
      try {
        if (failed) await this.checkGap()
        const answer = await this.o.reader.xread(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          this.o.key,
          this.cursor,
        )
        failed = false
        this.healthy = true
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            this.cursor = id
            await this.take(fields)
          }
        }
      } catch (err) {
        if (this.stopped) break
        failed = true
        this.healthy = false
        this.o.onError?.(err)
        await new Promise((r) => setTimeout(r, RETRY_MS))
      }
    }
  }

  private async take(fields: string[]): Promise<void> {
    const entry: Record<string, string> = {}
    for (let i = 0; i + 1 < fields.length; i += 2) entry[fields[i]!] = fields[i + 1]!
    if (entry.n === this.o.nodeId) return
    let message: T | null
    try {
      message = this.o.parse(JSON.parse(entry.m ?? ''))
    } catch {
      message = null
    }
    if (message === null) {
      this.o.onError?.(new Error(`the cluster feed holds an entry this release cannot read`))
      return
    }
    this.delivered += 1
    await this.o.deliver(message, entry.n ?? '')
  }

  /** After an outage: were entries after the cursor trimmed away meanwhile? */
  private async checkGap(): Promise<void> {
    const first = await this.o.redis.xrange(this.o.key, '-', '+', 'COUNT', 1)
    const firstId = first[0]?.[0]
    if (firstId && this.cursor !== '0-0' && compareIds(firstId, this.cursor) > 0) {
      await this.o.onGap?.()
    }
  }
}

/** Orders two stream ids (`ms-seq`). */
export function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number)
  const [bm = 0, bs = 0] = b.split('-').map(Number)
  return am - bm || as - bs
}
