import fs from 'node:fs'
import pg from 'pg'
import { hashPassword } from '../../server/auth/passwords'
import { UsersRepo } from '../../server/auth/users.repo'
import type { Db } from '../../server/db/database'
import { openPostgres, openStore, type Store } from '../../server/db/store'
import { startProgram } from '../../server/lib/child-process'
import { percentile, tempDir, verboseOutput } from '../lib/processes'
import { BENCH_PASSWORD, BENCH_TOKEN, writeResults } from '../lib/relay'
import { benchCookie } from '../lib/relay-load'
import { buildPostgres, buildSqlite, type Built, type ReplayStoreShape } from './build-store'

/*
 * Replay benchmark: a store holding 14 days of a 5,000-agent floor (written directly in bulk),
 * the real relay started on it (its own process, simulator off), and `GET /api/floor?at=` asked
 * for random moments of those 14 days, one at a time: the time to the whole answer, on the
 * embedded store and on PostgreSQL. Also `GET /api/floor/moments` over random hours.
 */
const NAMESPACE = 'bench.cc'
const TIME_ZONE = 'Asia/Shanghai'
const AGENTS = Number(process.env.BENCH_REPLAY_AGENTS ?? 5000)
const DAYS = 14
const EVENTS_PER_AGENT_DAY = Number(process.env.BENCH_REPLAY_EVENTS ?? 24)
const CALLS_PER_AGENT_DAY = Number(process.env.BENCH_REPLAY_CALLS ?? 20)
const REQUESTS = Number(process.env.BENCH_REPLAY_REQUESTS ?? 30)
const MOMENT_REQUESTS = 10
const TARGET_MS = 500
const DATABASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const SCHEMA = 'wellcloud_bench_replay'
const DAY_MS = 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

async function createBenchUser(store: Store): Promise<void> {
  await new UsersRepo(store.db).create(
    {
      username: 'bench',
      passwordHash: await hashPassword(BENCH_PASSWORD),
      role: 'admin',
      scope: { namespace: NAMESPACE, orgPrefix: null, skills: null },
    },
    Date.now(),
  )
}

/** A pseudo-random sequence, the same on every run. */
function random(seed: number): () => number {
  let x = seed
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648
    return x / 2_147_483_648
  }
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b)
  return {
    requests: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? Number.NaN,
  }
}

async function timed(
  url: string,
  cookie: string,
): Promise<{ ms: number; bytes: number; agents: number }> {
  const started = performance.now()
  const res = await fetch(url, { headers: { cookie } })
  const text = await res.text()
  const ms = performance.now() - started
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text.slice(0, 300)}`)
  const body = JSON.parse(text) as { agents?: unknown[] }
  return { ms, bytes: text.length, agents: body.agents?.length ?? 0 }
}

/** Starts the relay on a built store, asks it, stops it. */
async function measure(
  kind: 'sqlite' | 'postgres',
  env: Record<string, string>,
  built: Built,
  endAt: number,
) {
  const relay = await startProgram(
    'server/index.ts',
    [],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      WEBHOOK_TOKEN: BENCH_TOKEN,
      SIMULATOR: 'off',
      WELLCLOUD_NAMESPACE: NAMESPACE,
      PLATFORM_TZ: TIME_ZONE,
      LOG_LEVEL: 'warn',
      ...env,
    },
    'RELAY_READY',
    { label: `relay-${kind}`, onLine: verboseOutput(`relay-${kind}`) },
  )
  try {
    const url = relay.ready.url as string
    // A session may ask PAST_FLOORS_PER_MIN past floors a minute: a new one every 20 requests.
    let cookie = await benchCookie(url)
    const next = random(kind === 'sqlite' ? 1 : 2)
    const earliest = Date.now() - DAYS * DAY_MS + HOUR_MS
    const span = endAt - earliest
    // Warm-up: the first answers pay for compiling the queries.
    for (let i = 0; i < 3; i++) await timed(`${url}/api/floor?at=${endAt - i * DAY_MS}`, cookie)
    const floors: number[] = []
    let agents = 0
    let bytes = 0
    for (let i = 0; i < REQUESTS; i++) {
      if (i % 20 === 0) cookie = await benchCookie(url)
      const at = Math.round(earliest + next() * span)
      const r = await timed(`${url}/api/floor?at=${at}`, cookie)
      floors.push(r.ms)
      agents = Math.max(agents, r.agents)
      bytes = Math.max(bytes, r.bytes)
    }
    const moments: number[] = []
    for (let i = 0; i < MOMENT_REQUESTS; i++) {
      const from = Math.round(earliest + next() * (span - HOUR_MS))
      moments.push(
        (await timed(`${url}/api/floor/moments?from=${from}&to=${from + HOUR_MS}`, cookie)).ms,
      )
    }
    const floor = summary(floors)
    console.error(
      `replay bench (${kind}): past floor p50 ${floor.p50Ms.toFixed(0)} ms, p95 ${floor.p95Ms.toFixed(0)} ms, max ${floor.maxMs.toFixed(0)} ms`,
    )
    return {
      build: built,
      pastFloor: { ...floor, agentsShown: agents, largestAnswerBytes: bytes },
      moments: { ...summary(moments), spanMs: HOUR_MS },
    }
  } finally {
    await relay.stop()
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

async function withSchema<T>(f: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: DATABASE })
  await admin.connect()
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
  await admin.query(`CREATE SCHEMA ${SCHEMA}`)
  const url = new URL(DATABASE)
  url.searchParams.set('options', `-c search_path=${SCHEMA}`)
  try {
    return await f(url.toString())
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
    await admin.end()
  }
}

const endAt = Date.now() - 60_000
const shape: ReplayStoreShape = {
  namespace: NAMESPACE,
  timeZone: TIME_ZONE,
  agents: AGENTS,
  days: DAYS,
  eventsPerAgentDay: EVENTS_PER_AGENT_DAY,
  callsPerAgentDay: CALLS_PER_AGENT_DAY,
  endAt,
}
console.error(
  `replay bench: ${AGENTS} agents × ${DAYS} days, ${EVENTS_PER_AGENT_DAY} events and ${CALLS_PER_AGENT_DAY} calls per agent a day`,
)

const dataDir = tempDir('bench-replay-')
let sqlite: Awaited<ReturnType<typeof measure>>
try {
  const store = await openStore({ dataDir })
  await createBenchUser(store)
  const built = buildSqlite(store.sqlite as Db, shape)
  await store.close()
  console.error(`replay bench (sqlite): store built in ${built.seconds.toFixed(0)} s`)
  sqlite = await measure('sqlite', { DATA_DIR: dataDir }, built, endAt)
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true })
}

let postgres: Awaited<ReturnType<typeof measure>> | null = null
if (await postgresReachable()) {
  postgres = await withSchema(async (url) => {
    const store = await openPostgres(url)
    await createBenchUser(store)
    await store.close()
    const built = await buildPostgres(url, shape)
    console.error(`replay bench (postgres): store built in ${built.seconds.toFixed(0)} s`)
    const dir = tempDir('bench-replay-pg-')
    try {
      return await measure('postgres', { DATABASE_URL: url, DATA_DIR: dir }, built, endAt)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
} else
  console.error(`replay bench: PostgreSQL at ${DATABASE} not reachable: measured on SQLite only`)

writeResults('replay', {
  measuredAt: new Date().toISOString(),
  agents: AGENTS,
  days: DAYS,
  eventsPerAgentDay: EVENTS_PER_AGENT_DAY,
  callsPerAgentDay: CALLS_PER_AGENT_DAY,
  targetMs: TARGET_MS,
  sqlite,
  postgres,
})
