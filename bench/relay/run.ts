import { type StartedProgram, startProgram } from '../../server/lib/child-process'
import { rssOf, sleep, verboseOutput } from '../lib/processes'
import { benchCookie, loadRelay, startScreens } from '../lib/relay-load'
import { BENCH_TOKEN, startBenchRelay, writeResults } from '../lib/relay'

/*
 * Relay benchmark: the real relay (simulator off) against a naive socket.io relay that
 * broadcasts each event as it arrives. Each runs as its own process; webhooks come from a
 * load process (autocannon) and clients live in a third process, all over loopback.
 */
const NAMESPACE = 'bench.cc'
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000)
const RATE = 2000 // events/s for the latency run
const LATENCY_SEC = Number(process.env.BENCH_LATENCY_SEC ?? 15)
const THROUGHPUT_SEC = Number(process.env.BENCH_THROUGHPUT_SEC ?? 10)
/** The relay's default flush window, and a short one (FLOOR_FLUSH_MS) measured beside it. */
const DEFAULT_FLUSH_MS = 100
const SHORT_FLUSH_MS = Number(process.env.BENCH_SHORT_FLUSH_MS ?? 20)

type Kind = 'console' | 'naive'

async function startRelay(kind: Kind, flushMs = DEFAULT_FLUSH_MS): Promise<StartedProgram> {
  if (kind === 'naive')
    return startProgram(
      'bench/relay/naive-relay.ts',
      [],
      { WEBHOOK_TOKEN: BENCH_TOKEN },
      'RELAY_READY',
      {
        label: 'naive',
        onLine: verboseOutput('naive'),
      },
    )
  return startBenchRelay({
    namespace: NAMESPACE,
    users: [{ username: 'bench', role: 'admin' }],
    env: { FLOOR_FLUSH_MS: String(flushMs) },
  })
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

  const clientsRun = await withClients(kind, DEFAULT_FLUSH_MS)
  // The same run with a short flush window: how much of the latency is the window itself.
  const shortWindow = kind === 'console' ? await withClients(kind, SHORT_FLUSH_MS) : null
  return {
    throughput: {
      maxOkPerSec: max.okPerSec,
      maxNon2xx: max.non2xx + max.errors + max.timeouts,
      at10k,
    },
    memoryPerClientKB: clientsRun.memoryPerClientKB,
    latency: clientsRun.latency,
    ...(shortWindow ? { shortWindow: { flushMs: SHORT_FLUSH_MS, ...shortWindow } } : {}),
  }
}

/** N clients connected, then webhooks at RATE: memory per client and latency to the clients. */
async function withClients(kind: Kind, flushMs: number) {
  const label = kind === 'console' ? `${kind} (flush ${flushMs} ms)` : kind
  console.error(`relay bench: ${label}: ${CLIENTS} clients`)
  const relay = await startRelay(kind, flushMs)
  const url2 = relay.ready.url as string
  const cookie = await cookieFor(kind, url2)
  await load(url2, 500, 2, 8) // the floor exists before clients connect, as in production
  await sleep(2000)
  const idleRss = rssOf(relay.child.pid!)
  const clients = await clientsFor(kind, url2, cookie)
  await sleep(5000)
  const withClientsRss = rssOf(relay.child.pid!)
  console.error(`relay bench: ${label}: latency at ${RATE}/s`)
  const loadRun = load(url2, RATE, LATENCY_SEC, 16)
  await sleep(3000) // leave the first seconds (connections warming) out of the latency
  clients.start()
  const sent = await loadRun
  const latency = await clients.report()
  await clients.started.stop()
  await relay.stop()
  return {
    memoryPerClientKB: (withClientsRss - idleRss) / CLIENTS / 1024,
    latency: { clients: CLIENTS, rate: RATE, sent, ...latency },
  }
}

const ours = await measure('console')
const naive = await measure('naive')
const results = { measuredAt: new Date().toISOString(), clients: CLIENTS, console: ours, naive }
writeResults('relay', results)
