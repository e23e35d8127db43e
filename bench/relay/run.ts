import type { ChildProcess } from 'node:child_process'
import readline from 'node:readline'
import { type StartedProgram, startProgram } from '../../server/lib/child-process'
import { INSPECT_ARGS, InspectedMemory } from '../lib/inspected-memory'
import { sleep, verboseOutput } from '../lib/processes'
import { benchCookie, type ClientsResult, loadRelay, startScreens } from '../lib/relay-load'
import { BENCH_TOKEN, startBenchRelay, writeResults } from '../lib/relay'

/*
 * Relay benchmark: the real relay (simulator off) against a naive socket.io relay that
 * broadcasts each event as it arrives. Each runs as its own process; webhooks come from a
 * load process (autocannon) and clients live in a third process, all over loopback.
 */
const NAMESPACE = 'bench.cc'
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000)
const RATE = 2000 // events/s for the latency run
const QUIET_RATE = 200 // events/s of a steady floor: the adaptive window's case
const LATENCY_SEC = Number(process.env.BENCH_LATENCY_SEC ?? 15)
const THROUGHPUT_SEC = Number(process.env.BENCH_THROUGHPUT_SEC ?? 10)
/** The relay's default flush window, and a short one (FLOOR_FLUSH_MS) measured beside it. */
const DEFAULT_FLUSH_MS = 100
const SHORT_FLUSH_MS = Number(process.env.BENCH_SHORT_FLUSH_MS ?? 20)
/**
 * How long the slow screen reads nothing. Shorter than the 60 s the issue names: engine.io drops
 * a connection that answers no ping within its ping interval and timeout (25 s + 20 s), and a
 * screen that reads nothing answers none; 15 s stays clear of that whatever the ping's phase.
 */
const SLOW_SEC = Number(process.env.BENCH_SLOW_SEC ?? 15)

type Kind = 'console' | 'naive'
/** FLOOR_FLUSH: the window that follows the load, or the fixed one (before). */
type Mode = 'adaptive' | 'fixed'

/** What the measured screens report, with the floor they kept (bench/relay/clients.ts). */
type ScreensResult = ClientsResult & { lostAgentStates: number; gaps: number; catchUps: number }

/**
 * A relay to measure, with the inspector open so its memory can be read after a collection
 * (`memory`); nothing attaches to it between those readings.
 */
async function startRelay(
  kind: Kind,
  flushMs = DEFAULT_FLUSH_MS,
  mode: Mode = 'adaptive',
): Promise<StartedProgram & { memory: InspectedMemory }> {
  const memory = new InspectedMemory()
  if (kind === 'naive') {
    const naive = await startProgram(
      'bench/relay/naive-relay.ts',
      [],
      { WEBHOOK_TOKEN: BENCH_TOKEN },
      'RELAY_READY',
      {
        label: 'naive',
        nodeArgs: INSPECT_ARGS,
        onLine: (line, stream) => {
          verboseOutput('naive')(line, stream)
          memory.onLine(line)
        },
      },
    )
    return { ...naive, memory }
  }
  const relay = await startBenchRelay({
    namespace: NAMESPACE,
    users: [{ username: 'bench', role: 'admin' }],
    env: { FLOOR_FLUSH_MS: String(flushMs), FLOOR_FLUSH: mode },
    nodeArgs: INSPECT_ARGS,
    onLine: memory.onLine,
  })
  return { ...relay, memory }
}

const cookieFor = (kind: Kind, url: string) =>
  kind === 'naive' ? Promise.resolve('') : benchCookie(url)

const load = (url: string, rate: number, durationSec: number, connections: number) =>
  loadRelay(url, { rate, durationSec, connections, namespace: NAMESPACE })

const clientsFor = (kind: Kind, url: string, cookie: string) =>
  startScreens(url, cookie, CLIENTS, kind === 'naive' ? 'naive' : 'floor')

async function measure(kind: Kind) {
  console.error(`relay bench: ${kind}: throughput`)
  const relay = await startRelay(kind)
  const url = relay.ready.url as string
  await load(url, 0, 2, 32) // warm up the JIT and the database
  const max = await load(url, 0, THROUGHPUT_SEC, 32)
  const at10k = await load(url, 10_000, THROUGHPUT_SEC, 64)
  await relay.stop()

  const clientsRun = await withClients(kind, DEFAULT_FLUSH_MS, 'adaptive', RATE)
  const measured = {
    throughput: {
      maxOkPerSec: max.okPerSec,
      maxNon2xx: max.non2xx + max.errors + max.timeouts,
      at10k,
    },
    memoryPerClientKB: clientsRun.memoryPerClientKB,
    latency: clientsRun.latency,
  }
  if (kind === 'naive') return measured
  // Side by side: the window that follows the load against the fixed one, on a steady floor
  // and under a burst.
  const fixed = await withClients(kind, DEFAULT_FLUSH_MS, 'fixed', RATE)
  const quiet = await withClients(kind, DEFAULT_FLUSH_MS, 'adaptive', QUIET_RATE)
  const quietFixed = await withClients(kind, DEFAULT_FLUSH_MS, 'fixed', QUIET_RATE)
  // The fixed window made short: how much of the latency is the window itself.
  const shortWindow = await withClients(kind, SHORT_FLUSH_MS, 'fixed', RATE)
  const slowScreen = await withSlowScreen()
  return {
    ...measured,
    fixed: { latency: fixed.latency },
    quiet: { latency: quiet.latency },
    quietFixed: { latency: quietFixed.latency },
    shortWindow: { flushMs: SHORT_FLUSH_MS, ...shortWindow },
    slowScreen,
  }
}

/** N clients connected, then webhooks at `rate`: memory per client and latency to the clients. */
async function withClients(kind: Kind, flushMs: number, mode: Mode, rate: number) {
  const label = kind === 'console' ? `${kind} (${mode}, flush ${flushMs} ms, ${rate}/s)` : kind
  console.error(`relay bench: ${label}: ${CLIENTS} clients`)
  const relay = await startRelay(kind, flushMs, mode)
  const url2 = relay.ready.url as string
  const cookie = await cookieFor(kind, url2)
  await load(url2, 500, 2, 8) // the floor exists before clients connect, as in production
  await sleep(2000)
  const idle = await relay.memory.afterCollection()
  const clients = await clientsFor(kind, url2, cookie)
  await sleep(5000)
  const connected = await relay.memory.afterCollection()
  console.error(`relay bench: ${label}: latency at ${rate}/s`)
  const loadRun = load(url2, rate, LATENCY_SEC, 16)
  await sleep(3000) // leave the first seconds (connections warming) out of the latency
  clients.start()
  const sent = await loadRun
  const latency = (await clients.report()) as ScreensResult
  await clients.started.stop()
  await relay.stop()
  return {
    memoryPerClientKB: (connected - idle) / CLIENTS / 1024,
    latency: { clients: CLIENTS, rate, mode, sent, ...latency },
  }
}

/**
 * One screen reads nothing for SLOW_SEC while 2,000 events/s come in (50 other screens read
 * on), then reads again: how much reaches it then, whether it needed a resync, and whether it
 * ends up with every agent's latest state.
 */
async function withSlowScreen() {
  console.error(`relay bench: console: a screen that reads nothing for ${SLOW_SEC} s`)
  const relay = await startRelay('console')
  const url = relay.ready.url as string
  const cookie = await benchCookie(url)
  await load(url, 500, 2, 8)
  const others = await startScreens(url, cookie, 50)
  const slow = await startProgram(
    'bench/relay/slow-screen.ts',
    ['--url', url, '--cookie', cookie, '--pause-sec', String(SLOW_SEC)],
    {},
    'SLOW_READY',
    { label: 'slow', onLine: verboseOutput('slow'), stdin: true },
  )
  const stdin = (slow.child as ChildProcess & { stdin: NodeJS.WritableStream }).stdin
  const result = new Promise<Record<string, unknown>>((resolve) => {
    readline.createInterface({ input: slow.child.stdout! }).on('line', (l) => {
      const m = /^SLOW_RESULT (.*)$/.exec(l)
      if (m) resolve(JSON.parse(m[1]!) as Record<string, unknown>)
    })
  })
  stdin.write('start\n')
  const sent = await load(url, RATE, SLOW_SEC + 5, 16)
  await sleep(1000)
  stdin.write('report\n')
  const screen = await result
  const othersResult = (await others.report()) as ScreensResult
  await others.started.stop()
  await slow.stop()
  await relay.stop()
  return {
    rate: RATE,
    agents: 2000,
    sent: sent.ok,
    ...screen,
    othersLostAgentStates: othersResult.lostAgentStates,
  }
}

const ours = await measure('console')
const naive = await measure('naive')
const results = { measuredAt: new Date().toISOString(), clients: CLIENTS, console: ours, naive }
writeResults('relay', results)
