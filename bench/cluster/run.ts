import net from 'node:net'
import pg from 'pg'
import { hashPassword } from '../../server/auth/passwords'
import { UsersRepo } from '../../server/auth/users.repo'
import { connectRedis } from '../../server/cluster/redis'
import { openPostgres } from '../../server/db/store'
import { type StartedProgram, startProgram } from '../../server/lib/child-process'
import { sleep, tempDir, verboseOutput } from '../lib/processes'
import { BENCH_PASSWORD, BENCH_TOKEN, writeResults } from '../lib/relay'
import { benchCookie, loadRelay, startScreens } from '../lib/relay-load'

/*
 * Cluster benchmark: the relay on the local PostgreSQL as one process, then as two processes
 * sharing it and the local Redis, on the same two cores, in one run. Throughput: each process
 * gets its own load generator, as fast as it answers. Latency: webhooks at RATE to the first
 * process only, half the screens on each: the screens on the second see every change through
 * the Redis hop, the others directly, so the difference between the two is what the hop adds.
 */
const NAMESPACE = 'bench.cc'
const DATABASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const SCHEMA = 'wellcloud_bench_cluster'
const PREFIX = 'wellcloud-bench-cluster:'
const CLIENTS = Number(process.env.BENCH_CLUSTER_CLIENTS ?? 500)
const RATE = Number(process.env.BENCH_CLUSTER_RATE ?? 1000)
const THROUGHPUT_SEC = Number(process.env.BENCH_THROUGHPUT_SEC ?? 10)
const LATENCY_SEC = Number(process.env.BENCH_LATENCY_SEC ?? 15)

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: DATABASE, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
  } catch (err) {
    return `PostgreSQL at ${DATABASE}: ${(err as Error).message}`
  } finally {
    await client.end().catch(() => {})
  }
  const { hostname, port } = new URL(REDIS)
  return new Promise((resolve) => {
    const s = net.connect({ host: hostname, port: Number(port || 6379) })
    s.setTimeout(3000, () => (s.destroy(), resolve(`Redis at ${REDIS}: no answer`)))
    s.on('error', (e) => resolve(`Redis at ${REDIS}: ${e.message}`))
    s.on('connect', () => (s.destroy(), resolve(null)))
  })
}

/** A fresh schema with the bench account in it; its URL. */
async function freshSchema(): Promise<string> {
  const admin = new pg.Client({ connectionString: DATABASE })
  await admin.connect()
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
  await admin.query(`CREATE SCHEMA ${SCHEMA}`)
  await admin.end()
  const url = new URL(DATABASE)
  url.searchParams.set('options', `-c search_path=${SCHEMA}`)
  const store = await openPostgres(url.toString())
  await new UsersRepo(store.db).create(
    {
      username: 'bench',
      passwordHash: await hashPassword(BENCH_PASSWORD),
      role: 'admin',
      scope: { namespace: NAMESPACE, orgPrefix: null, skills: null },
    },
    Date.now(),
  )
  await store.close()
  return url.toString()
}

/** Removes what the two-process runs kept in Redis (the feed, socket.io's stream, the lease). */
async function dropRedisKeys(): Promise<void> {
  const redis = connectRedis(REDIS, 'bench-cleanup')
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 500)
    if (keys.length > 0) await redis.del(...keys)
    cursor = next
  } while (cursor !== '0')
  redis.disconnect()
}

async function dropSchema(): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE })
  await admin.connect()
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
  await admin.end()
}

async function startRelays(count: number, databaseUrl: string): Promise<StartedProgram[]> {
  const relays: StartedProgram[] = []
  for (let i = 1; i <= count; i++) {
    relays.push(
      await startProgram(
        'server/index.ts',
        [],
        {
          PORT: '0',
          HOST: '127.0.0.1',
          WEBHOOK_TOKEN: BENCH_TOKEN,
          SIMULATOR: 'off',
          DATA_DIR: tempDir('bench-cluster-'),
          WELLCLOUD_NAMESPACE: NAMESPACE,
          LOG_LEVEL: 'warn',
          DATABASE_URL: databaseUrl,
          ...(count > 1
            ? { REDIS_URL: REDIS, REDIS_PREFIX: PREFIX, RELAY_NODE_ID: `bench-${i}` }
            : {}),
        },
        'RELAY_READY',
        { label: `relay-${i}`, onLine: verboseOutput(`relay-${i}`) },
      ),
    )
  }
  return relays
}

const load = (url: string, rate: number, durationSec: number, connections: number) =>
  loadRelay(url, { rate, durationSec, connections, namespace: NAMESPACE })

async function measure(processes: number) {
  const label = processes === 1 ? 'one process' : `${processes} processes`
  console.error(`cluster bench: ${label}: throughput`)
  await dropRedisKeys()
  let relays = await startRelays(processes, await freshSchema())
  let urls = relays.map((r) => r.ready.url as string)
  await Promise.all(urls.map((u) => load(u, 0, 2, 16))) // warm up
  const each = await Promise.all(urls.map((u) => load(u, 0, THROUGHPUT_SEC, 32)))
  const okPerSec = each.reduce((sum, r) => sum + r.okPerSec, 0)
  const failed = each.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0)
  for (const r of relays) await r.stop()

  console.error(`cluster bench: ${label}: ${CLIENTS} screens at ${RATE}/s`)
  await dropRedisKeys()
  relays = await startRelays(processes, await freshSchema())
  urls = relays.map((r) => r.ready.url as string)
  const cookie = await benchCookie(urls[0]!)
  await load(urls[0]!, 500, 2, 8) // the floor exists before the screens connect
  await sleep(2000)
  const groups = await Promise.all(
    urls.map((u) => startScreens(u, cookie, Math.floor(CLIENTS / processes))),
  )
  await sleep(5000)
  const sent = load(urls[0]!, RATE, LATENCY_SEC, 16)
  await sleep(3000)
  groups.forEach((g) => g.start())
  const offered = await sent
  const latency = await Promise.all(
    groups.map(async (g) => {
      const r = await g.report()
      await g.started.stop()
      return r
    }),
  )
  for (const r of relays) await r.stop()
  return {
    processes,
    throughput: { okPerSec, failed, perProcess: each.map((r) => r.okPerSec) },
    latency: {
      clients: CLIENTS,
      rate: RATE,
      answered: offered.okPerSec,
      /** Screens on the process the webhooks were posted to. */
      direct: latency[0],
      /** Screens on the other process: every change came through Redis. */
      ...(latency[1] ? { throughRedis: latency[1] } : {}),
    },
  }
}

const problem = await reachable()
if (problem) {
  console.error(`cluster bench skipped: ${problem}`)
  process.exit(0)
}
try {
  const one = await measure(1)
  const two = await measure(2)
  writeResults('cluster', { measuredAt: new Date().toISOString(), one, two })
} finally {
  await dropSchema()
  await dropRedisKeys()
}
