import { Redis } from 'ioredis'

// A command waits this long for Redis before it fails, ms: the relay keeps answering what it
// can while Redis is away, and says so on /api/health.
const COMMAND_TIMEOUT_MS = 2_000
// Reconnect attempts back off up to this delay, ms, and never give up.
const MAX_RECONNECT_DELAY_MS = 2_000

/**
 * A connection to the cluster's Redis. Commands fail fast while it is unreachable instead of
 * queueing without bound; the connection comes back by itself.
 */
export function connectRedis(url: string, name: string): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 100, MAX_RECONNECT_DELAY_MS),
  })
  // Reported through health and the callers' own failures; an unhandled 'error' would end the process.
  redis.on('error', () => {})
  return redis
}

/** Whether the connection is up now. */
export const redisReady = (redis: Redis): boolean => redis.status === 'ready'
