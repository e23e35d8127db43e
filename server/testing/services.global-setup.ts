import net from 'node:net'
import type { TestProject } from 'vitest/node'
import pg from 'pg'

/*
 * Before the tests: are the PostgreSQL and Redis the cluster tests need reachable? Tests that
 * need one read its address with `inject('postgresUrl')` / `inject('redisUrl')` (null when
 * unreachable) and are skipped without it. On CI (CI=true) an unreachable service fails the
 * run instead: there they must be tested.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null
    redisUrl: string | null
  }
}

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const PROBE_TIMEOUT_MS = 3_000

async function postgresProblem(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (err) {
    return (err as Error).message || String(err)
  } finally {
    await client.end().catch(() => {})
  }
}

/** Sends PING and waits for +PONG. */
function redisProblem(url: string): Promise<string | null> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) })
    const done = (problem: string | null) => {
      socket.destroy()
      resolve(problem)
    }
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done('no answer'))
    socket.on('error', (err) => done(err.message))
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (d) =>
      done(d.toString().startsWith('+PONG') ? null : `answered ${d.toString().trim()}`),
    )
  })
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//')

export default async function setup(project: TestProject): Promise<void> {
  const [pgProblem, redisProblemText] = await Promise.all([
    postgresProblem(POSTGRES_URL),
    redisProblem(REDIS_URL),
  ])
  project.provide('postgresUrl', pgProblem ? null : POSTGRES_URL)
  project.provide('redisUrl', redisProblemText ? null : REDIS_URL)
  const missing = [
    pgProblem &&
      `PostgreSQL at ${redact(POSTGRES_URL)} is unreachable (${pgProblem}): the store's PostgreSQL tests and the cluster tests are skipped`,
    redisProblemText &&
      `Redis at ${REDIS_URL} is unreachable (${redisProblemText}): the cluster tests are skipped`,
  ].filter(Boolean)
  if (missing.length === 0) return
  const text = missing.join('\n')
  if (process.env.CI === 'true') {
    // On CI nothing may be skipped: the run fails, naming what is missing.
    throw new Error(
      `${text.replaceAll('are skipped', 'cannot run')}\nOn CI these services must run (set TEST_DATABASE_URL / TEST_REDIS_URL if they are elsewhere).`,
    )
  }
  console.warn(`\n${text}\n(set TEST_DATABASE_URL / TEST_REDIS_URL if they are elsewhere)\n`)
}
