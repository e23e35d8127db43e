import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import { describe, inject } from 'vitest'
import { connectRedis } from '../cluster/redis'

/** Redis for tests (null when unreachable: see services.global-setup.ts). */
export const redisUrl = inject('redisUrl')

/** A describe that runs only where the tests' Redis is reachable (said once at the start). */
export const describeWithRedis = describe.skipIf(!redisUrl)

/** A key prefix of the test's own, and a way to remove every key under it. */
export function testPrefix(): string {
  return `test:${randomBytes(5).toString('hex')}:`
}

/** Connections a test opens, closed and their keys removed by `dispose`. */
export function redisForTest(prefix: string): {
  connect(name?: string): Redis
  dispose(): Promise<void>
} {
  const opened: Redis[] = []
  return {
    connect(name = 'test') {
      if (!redisUrl) throw new Error('Redis is not reachable for tests')
      const r = connectRedis(redisUrl, name)
      opened.push(r)
      return r
    },
    async dispose() {
      if (redisUrl) {
        const r = connectRedis(redisUrl, 'test-cleanup')
        let cursor = '0'
        do {
          const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
          if (keys.length > 0) await r.del(...keys)
          cursor = next
        } while (cursor !== '0')
        r.disconnect()
      }
      for (const r of opened) r.disconnect()
    },
  }
}
