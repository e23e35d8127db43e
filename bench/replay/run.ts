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
import { defaultSettings, queueRuleFor } from '@/shared/settings'
import { audienceOf } from '../../server/realtime/audience'
import { DayCounts } from '../../server/replay/day-counts'
import { FloorReplay } from '../../server/replay/floor-replay'
import { ReplayRepo } from '../../server/replay/replay.repo'
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
// Fewer than a real floor's (the storage bench's simulator makes about 640 events and 140 calls
// per agent a day), so the store builds in about a minute and a half: a past floor seeks each
// agent's latest event by its key, and counts only the calls after the nearest checkpoint, so
// the figure depends on agents and on calls per half hour, not on the days kept.
const EVENTS_PER_AGENT_DAY = Number(process.env.BENCH_REPLAY_EVENTS ?? 12)
const CALLS_PER_AGENT_DAY = Number(process.env.BENCH_REPLAY_CALLS ?? 8)
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

/** The replay over a store, with the relay's default queue rules. */
function replayOver(store: Store): FloorReplay {
  const settings = defaultSettings({ slThresholdSec: 20, shortAbandonSec: 0 })
  return new FloorReplay({
    repo: new ReplayRepo(store.db, store.kind),
    counts: new DayCounts(store.db),
    settings: { get: () => settings, figuresRules: () => (id) => queueRuleFor(id, settings) },
    timeZone: TIME_ZONE,
    now: Date.now,
    eventRetentionDays: DAYS,
  })
}

/**
 * The checkpoints of the 14 days, written as the relay writes them at start (in the background
 * there; here before it starts, so every answer timed has them).
 */
async function fillCheckpoints(store: Store): Promise<{ written: number; seconds: number }> {
  const started = performance.now()
  const written = await replayOver(store).fillCheckpoints([NAMESPACE])
  return { written, seconds: (performance.now() - started) / 1000 }
}

/**
 * The same answers timed in this process, on the store directly (FloorReplay, as the route calls
 * it): for a store the relay process cannot start on.
 */
async function measureInProcess(url: string, built: Built, endAt: number, why: string) {
  const store = await openPostgres(url)
  try {
    const replay = replayOver(store)
    const audience = audienceOf({ namespace: NAMESPACE, orgPrefix: null, skills: null })
    const next = random(2)
    const earliest = Date.now() - DAYS * DAY_MS + HOUR_MS
    const span = endAt - earliest
    for (let i = 0; i < 3; i++) await replay.floorAt(audience, endAt - i * DAY_MS)
    const floors: number[] = []
    let agents = 0
    for (let i = 0; i < REQUESTS; i++) {
      const at = Math.round(earliest + next() * span)
      const started = performance.now()
      const floor = await replay.floorAt(audience, at)
      JSON.stringify(floor)
      floors.push(performance.now() - started)
      agents = Math.max(agents, floor.agents.length)
    }
    const moments: number[] = []
    for (let i = 0; i < MOMENT_REQUESTS; i++) {
      const from = Math.round(earliest + next() * (span - HOUR_MS))
      const started = performance.now()
      JSON.stringify(await replay.moments(audience, from, from + HOUR_MS))
      moments.push(performance.now() - started)
    }
    const floor = summary(floors)
    console.error(
      `replay bench (postgres, in-process): past floor p50 ${floor.p50Ms.toFixed(0)} ms, p95 ${floor.p95Ms.toFixed(0)} ms, max ${floor.maxMs.toFixed(0)} ms`,
    )
    return {
      build: built,
      inProcess: why,
      pastFloor: { ...floor, agentsShown: agents },
      moments: { ...summary(moments), spanMs: HOUR_MS },
    }
  } finally {
    await store.close()
  }
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
let sqlite: unknown
try {
  const store = await openStore({ dataDir })
  await createBenchUser(store)
  const built = buildSqlite(store.sqlite as Db, shape)
  console.error(`replay bench (sqlite): store built in ${built.seconds.toFixed(0)} s`)
  const checkpoints = await fillCheckpoints(store)
  await store.close()
  sqlite = { ...(await measure('sqlite', { DATA_DIR: dataDir }, built, endAt)), checkpoints }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true })
}

let postgres: unknown = null
if (await postgresReachable()) {
  postgres = await withSchema(async (url) => {
    const store = await openPostgres(url)
    await createBenchUser(store)
    await store.close()
    const built = await buildPostgres(url, shape)
    console.error(`replay bench (postgres): store built in ${built.seconds.toFixed(0)} s`)
    const filled = await openPostgres(url)
    const checkpoints = await fillCheckpoints(filled)
    await filled.close()
    const dir = tempDir('bench-replay-pg-')
    try {
      const measured = await measure('postgres', { DATABASE_URL: url, DATA_DIR: dir }, built, endAt)
      return { ...measured, checkpoints }
    } catch (err) {
      const why = (err as Error).message.split('\n')[0] ?? 'the relay did not start'
      console.error(`replay bench (postgres): ${why}: timing in this process instead`)
      return { ...(await measureInProcess(url, built, endAt, why)), checkpoints }
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
