import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../lib/processes'
import { BENCH_TOKEN, startBenchRelay, writeResults } from '../lib/relay'
import { measureStore, type StoreSize } from './measure'
import { writePreviousStore } from './previous-store'
import { simulatedStream } from './stream'

/*
 * Storage benchmark: the simulator's traffic for a floor of AGENTS agents over HOURS simulated
 * hours, posted to the real relay (its own process, simulator off) as the platform would, one
 * webhook each. Once the relay has stopped, the database is checkpointed and measured: bytes
 * per stored agent event and per stored call, and what a 500-agent tenant needs for 14 days.
 * Baseline: the same webhooks stored as the previous release did (previous-store.ts).
 */
const NAMESPACE = 'bench.cc'
const TIME_ZONE = 'Asia/Shanghai'
const AGENTS = Number(process.env.BENCH_STORAGE_AGENTS ?? 500)
const HOURS = Number(process.env.BENCH_STORAGE_HOURS ?? 1)
const SKILLS = 8
/** The working day assumed for the projection: hours of traffic per agent per day. */
const HOURS_PER_DAY = 10
const TENANT_AGENTS = 500
const RETENTION_DAYS = 14
/** CALL_RETENTION_DAYS's default: calls are kept longer than agent events. */
const CALL_RETENTION_DAYS = 90
const CONCURRENCY = 16 // requests in flight, as a pooled HTTP client would have

async function post(url: string, bodies: string[]): Promise<{ ok: number; failed: number }> {
  const target = `${url}/webhooks/wellcloud?token=${BENCH_TOKEN}`
  let next = 0
  let ok = 0
  let failed = 0
  const worker = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bodies[i],
      })
      await res.arrayBuffer()
      if (res.ok) ok += 1
      else failed += 1
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return { ok, failed }
}

console.error(`storage bench: ${AGENTS} agents, ${HOURS} simulated h`)
const stream = simulatedStream({
  agents: AGENTS,
  skills: SKILLS,
  hours: HOURS,
  namespace: NAMESPACE,
  timeZone: TIME_ZONE,
  seed: 1,
  endAt: Date.now() - 60_000,
})
const relay = await startBenchRelay({
  namespace: NAMESPACE,
  users: [{ username: 'bench', role: 'admin' }],
})
const started = Date.now()
const sent = await post(relay.url, stream.bodies)
const ingestSec = (Date.now() - started) / 1000
const walWhileRunning = fs.statSync(path.join(relay.dataDir, 'console.db-wal'), {
  throwIfNoEntry: false,
})?.size
relay.child.kill('SIGTERM')
await new Promise((r) => relay.child.once('exit', r))
const size = measureStore(path.join(relay.dataDir, 'console.db'))
await relay.stop()
if (sent.failed > 0) throw new Error(`${sent.failed} webhooks were refused`)

const previousDir = tempDir('bench-storage-')
const previous = measureStore(writePreviousStore(previousDir, stream.bodies, TIME_ZONE))
fs.rmSync(previousDir, { recursive: true, force: true })

const perAgentDay = (n: number) => (n / AGENTS / (stream.spanMs / 3_600_000)) * HOURS_PER_DAY
const eventsPerAgentDay = perAgentDay(stream.agentEvents)
const callsPerAgentDay = perAgentDay(stream.calls)
/** Disk for TENANT_AGENTS agents: events kept `eventDays`, calls kept `callDays`. */
const tenantBytes = (s: StoreSize, eventDays: number, callDays: number) =>
  TENANT_AGENTS *
  (eventsPerAgentDay * eventDays * s.agentEvents.bytesPerRow +
    callsPerAgentDay * callDays * s.calls.bytesPerRow)
const withTenant = (s: StoreSize) => ({
  ...s,
  tenant: {
    agents: TENANT_AGENTS,
    days: RETENTION_DAYS,
    bytes: tenantBytes(s, RETENTION_DAYS, RETENTION_DAYS),
    callDays: CALL_RETENTION_DAYS,
    bytesWithCallRetention: tenantBytes(s, RETENTION_DAYS, CALL_RETENTION_DAYS),
  },
})

const results = {
  measuredAt: new Date().toISOString(),
  agents: AGENTS,
  hours: HOURS,
  stream: {
    agentEvents: stream.agentEvents,
    calls: stream.calls,
    agentEventWireBytes: stream.agentEventBytes,
    callWireBytes: stream.callBytes,
    eventsPerAgentDay,
    callsPerAgentDay,
    hoursPerDay: HOURS_PER_DAY,
  },
  ingest: { ...sent, seconds: ingestSec, walBytesWhileRunning: walWhileRunning ?? 0 },
  relay: withTenant(size),
  previous: withTenant(previous),
}
writeResults('storage', results)
