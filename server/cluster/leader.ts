import type { Redis } from 'ioredis'

// Renews only while this process still holds the lease.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1]) else return 0 end`

export interface LeaderOptions {
  redis: Redis
  /** The lease's key: one per kind of work that must run once. */
  key: string
  nodeId: string
  /** The lease lasts this long without renewal, ms: a stopped leader is replaced after it. */
  ttlMs: number
  onChange: (leading: boolean) => void
  now?: () => number
}

/**
 * Work that must run once in the cluster (pruning, computing waveforms ahead) runs on the
 * process holding a lease in Redis. The holder renews it every third of its life; a holder that
 * stops (or is cut off from Redis) loses it when it runs out, and another process takes it.
 */
export class Leadership {
  private timer: NodeJS.Timeout | null = null
  private leading = false
  private renewedAt = 0

  constructor(private readonly o: LeaderOptions) {}

  get isLeader(): boolean {
    return this.leading
  }

  start(): void {
    if (this.timer) return
    void this.tick()
    this.timer = setInterval(() => void this.tick(), Math.max(50, Math.floor(this.o.ttlMs / 3)))
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    if (this.leading) {
      this.set(false)
      // Handed over at once rather than when the lease runs out.
      await this.o.redis.eval(RELEASE, 1, this.o.key, this.o.nodeId).catch(() => {})
    }
  }

  /** Takes or renews the lease; exposed for tests. */
  async tick(): Promise<void> {
    const now = this.o.now ?? Date.now
    try {
      if (this.leading) {
        const kept = await this.o.redis.eval(RENEW, 1, this.o.key, this.o.nodeId, this.o.ttlMs)
        if (kept === 1) this.renewedAt = now()
        else this.set(false)
      } else {
        const took = await this.o.redis.set(this.o.key, this.o.nodeId, 'PX', this.o.ttlMs, 'NX')
        if (took === 'OK') {
          this.renewedAt = now()
          this.set(true)
        }
      }
    } catch {
      // Cut off from Redis: once the lease may have run out, another process may hold it.
      if (this.leading && now() - this.renewedAt >= this.o.ttlMs) this.set(false)
    }
  }

  private set(leading: boolean): void {
    if (leading === this.leading) return
    this.leading = leading
    this.o.onChange(leading)
  }
}
