import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { agentStateEventSchema, callEndEventSchema } from '../../src/shared/webhooks'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SPEED = 60
const RETRY_UNIT_MS = 12_000 // simulated; 200 ms of wall time at ×60
const UNIT_WALL_MS = RETRY_UNIT_MS / SPEED

interface Received {
  at: number
  url: string
  contentType: string | undefined
  body: Record<string, unknown>
}

/** A webhook receiver that fails the first callEnd twice, then takes it. */
async function startReceiver() {
  const received: Received[] = []
  let failing: string | null = null
  let failures = 0
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.method !== 'POST') return void res.writeHead(404).end()
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
      received.push({
        at: performance.now(),
        url: req.url ?? '',
        contentType: req.headers['content-type'],
        body,
      })
      if (body.eventName === 'callEnd') {
        failing ??= body.callId as string
        if (body.callId === failing && failures < 2) {
          failures++
          return void res.writeHead(500).end('try later')
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return { server, port, received, failingCallId: () => failing }
}

function startSimulator(args: string[]) {
  const argv = ['--import', 'tsx', 'server/simulator/main.ts', '--load', 'flat', ...args]
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...process.env, SIM_WEBHOOK_URL: '', PLATFORM_TZ: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  readline.createInterface({ input: child.stdout }).on('line', (l) => lines.push(l))
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  return { child, lines, stderr: () => stderr }
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The simulator's first stdout line must be the ready line; returns its URL. */
async function readyUrl(lines: string[]): Promise<string> {
  const first = await waitFor('SIMULATOR_READY', () => lines[0])
  const ready = /^SIMULATOR_READY (\{.*\})$/.exec(first)
  if (!ready?.[1]) throw new Error(`expected SIMULATOR_READY first, got: ${first}`)
  return (JSON.parse(ready[1]) as { url: string }).url
}

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function track(child: ChildProcess): void {
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
}

describe('simulator process', () => {
  it('plays the platform over HTTP: events, callEnd retries on schedule, clean SIGTERM', async () => {
    const receiver = await startReceiver()
    cleanups.push(() => receiver.server.close())
    const hook = `http://127.0.0.1:${receiver.port}/hook?token=t`
    const sim = startSimulator([
      '--webhook',
      hook,
      '--speed',
      String(SPEED),
      '--retry-unit-ms',
      String(RETRY_UNIT_MS),
      '--seed',
      '1',
      '--agents',
      '10',
      '--app-id',
      'app-1',
      '--app-secret',
      'secret-1',
      '--api-key',
      'key-1',
      '--csta-username',
      'svc',
      '--csta-password',
      'pw',
    ])
    track(sim.child)

    const url = await readyUrl(sim.lines)
    expect(await (await fetch(`${url}/sim/health`)).json()).toEqual({ ok: true })
    // The platform's APIs answer on the same port, with the credentials from the flags.
    const token = await fetch(`${url}/accesstoken/apply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: 'app-1', appSecret: 'secret-1', apiKey: 'key-1' }),
    })
    expect(token.status).toBe(200)
    const login = await fetch(`${url}/api/security/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'svc', password: 'pw', namespace: 'test.cc' }),
    })
    expect(login.status).toBe(200)

    // The first callEnd is refused twice, then retried after ~1 and ~2 retry units.
    const attempts = await waitFor('the third attempt of the refused callEnd', () => {
      const id = receiver.failingCallId()
      const tries = receiver.received.filter(
        (r) => r.body.eventName === 'callEnd' && r.body.callId === id,
      )
      return tries.length >= 3 && tries
    })
    const [a1, a2, a3] = attempts as [Received, Received, Received]
    expect(a2.body).toEqual(a1.body)
    expect(a3.body).toEqual(a1.body)
    // Never before their schedule, and the second wait is the longer one. How late a busy
    // machine runs them is not the simulator's doing: no upper bound (the wait above has one).
    expect(a2.at - a1.at).toBeGreaterThanOrEqual(0.9 * UNIT_WALL_MS)
    expect(a3.at - a2.at).toBeGreaterThanOrEqual(1.8 * UNIT_WALL_MS)

    // Everything that arrived is a valid platform event, posted as JSON to the URL given.
    await waitFor('a few dozen events', () => receiver.received.length >= 40)
    const agentSchema = agentStateEventSchema('Asia/Shanghai')
    const callSchema = callEndEventSchema('Asia/Shanghai')
    for (const r of receiver.received) {
      expect(r.url).toBe('/hook?token=t')
      expect(r.contentType).toMatch(/^application\/json/)
      const schema = r.body.eventName === 'callEnd' ? callSchema : agentSchema
      expect(schema.safeParse(r.body).error).toBeUndefined()
    }
    const serials = receiver.received.map((r) => r.body.serial as number)
    expect(new Set(serials).size).toBe(serials.length - 2) // only the two retries repeat a serial

    const stats = (await (await fetch(`${url}/sim/stats`)).json()) as {
      webhook: { failed: { callEnd: number } }
    }
    expect(stats.webhook.failed.callEnd).toBe(2)

    sim.child.kill('SIGTERM')
    const [code] = (await once(sim.child, 'exit')) as [number | null]
    expect(code).toBe(0)
    expect(sim.stderr()).toBe('')
  }, 30_000)

  it('waits for a receiver that starts late, losing none of the first logins', async () => {
    const probe = http.createServer().listen(0, '127.0.0.1')
    await once(probe, 'listening')
    const { port } = probe.address() as AddressInfo
    await new Promise((r) => probe.close(r))
    const sim = startSimulator([
      '--webhook',
      `http://127.0.0.1:${port}/hook`,
      '--speed',
      '60',
      '--agents',
      '10',
    ])
    track(sim.child)
    const url = await readyUrl(sim.lines)
    await new Promise((r) => setTimeout(r, 600)) // the relay takes a while to come up

    const received: Array<Record<string, unknown>> = []
    const late = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        if (req.method === 'POST') received.push(JSON.parse(body) as Record<string, unknown>)
        res.writeHead(200).end()
      })
    })
    late.listen(port, '127.0.0.1')
    await once(late, 'listening')
    cleanups.push(() => late.close())

    await waitFor('logins', () => received.length >= 8)
    // Each agent's first event is its login: nothing before it was posted into the void.
    const firstByAgent = new Map<unknown, Record<string, unknown>>()
    for (const e of received)
      if (e.eventName === 'agentStateEvent' && !firstByAgent.has(e.id)) firstByAgent.set(e.id, e)
    expect([...firstByAgent.values()].every((e) => e.lastACState === 'LogOut')).toBe(true)
    const stats = (await (await fetch(`${url}/sim/stats`)).json()) as {
      webhook: { failed: { agentStateEvent: number } }
    }
    expect(stats.webhook.failed.agentStateEvent).toBe(0)
  }, 15_000)

  it('exits 2 on a bad flag, saying what is wrong', async () => {
    const sim = startSimulator(['--webhook', 'http://127.0.0.1:1/hook', '--agents', 'many'])
    track(sim.child)
    const [code] = (await once(sim.child, 'exit')) as [number | null]
    expect(code).toBe(2)
    expect(sim.stderr()).toMatch(/--agents/)
    expect(sim.lines.some((l) => l.startsWith('SIMULATOR_READY'))).toBe(false)
  }, 15_000)
})
