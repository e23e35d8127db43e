import type { ChildProcess } from 'node:child_process'
import readline from 'node:readline'
import { type StartedProgram, startProgram } from '../../server/lib/child-process'
import { runProgram, verboseOutput } from './processes'
import { BENCH_PASSWORD, BENCH_TOKEN } from './relay'

/*
 * What the relay benchmarks drive a relay with: the webhook load (bench/relay/load.ts in its own
 * process) and the screens (bench/relay/clients.ts, likewise), and the bench account's cookie.
 */

export interface LoadResult {
  requests: number
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  durationSec: number
  okPerSec: number
  latencyMs: { p50: number; p99: number; max: number }
}

export interface ClientsResult {
  samples: number
  p50: number
  p99: number
  max: number | null
  rawMessages: number
  rawBytes: number
  stillConnected: number
}

/** agentStateEvents over 2,000 agents of `namespace`, at `rate` a second (0: as fast as answered). */
export function loadRelay(
  url: string,
  o: { rate: number; durationSec: number; connections: number; namespace: string },
): Promise<LoadResult> {
  return runProgram<LoadResult>('bench/relay/load.ts', [
    '--url',
    url,
    '--token',
    BENCH_TOKEN,
    '--rate',
    String(o.rate),
    '--duration',
    String(o.durationSec),
    '--connections',
    String(o.connections),
    '--namespace',
    o.namespace,
    '--agents',
    '2000',
  ])
}

/** The bench account's session cookie at `url`. */
export async function benchCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: BENCH_PASSWORD }),
  })
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

export interface Screens {
  started: StartedProgram
  /** Starts measuring. */
  start(): void
  /** Stops measuring and gives the figures. */
  report(): Promise<ClientsResult>
}

/** `clients` screens connected to `url`, listening for `event` batches. */
export async function startScreens(
  url: string,
  cookie: string,
  clients: number,
  event: 'floor' | 'naive' = 'floor',
): Promise<Screens> {
  const started = await startProgram(
    'bench/relay/clients.ts',
    ['--url', url, '--cookie', cookie, '--clients', String(clients), '--event', event],
    {},
    'CLIENTS_READY',
    { label: 'clients', onLine: verboseOutput('clients'), timeoutMs: 120_000, stdin: true },
  )
  const child = started.child as ChildProcess & { stdin: NodeJS.WritableStream }
  const result = new Promise<ClientsResult>((resolve) => {
    readline.createInterface({ input: started.child.stdout! }).on('line', (l) => {
      const m = /^CLIENTS_RESULT (.*)$/.exec(l)
      if (m) resolve(JSON.parse(m[1]!) as ClientsResult)
    })
  })
  return {
    started,
    start: () => child.stdin.write('start\n'),
    report: () => {
      child.stdin.write('report\n')
      return result
    },
  }
}
