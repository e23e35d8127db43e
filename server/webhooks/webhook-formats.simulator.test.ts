import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { FloorSnapshot } from '@/shared/floor'
import { parsePlatformTime } from '@/shared/platform-time'
import type { QuarantinePage } from '@/shared/webhook-quarantine'
import { freePort } from '../lib/child-process'
import { type SimulatorProcess, startSimulatorProcess } from '../testing/simulator-process'
import { startTestRelay, TEST_TOKEN, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'
import type { WebhookStats } from './webhook-stats'

/*
 * The relay against the simulator playing each way the real platform may write its webhooks
 * (§7.3 types most fields only "String"): time formats, serials past 2^53 and restarting
 * serial counters, the loose callEnd shapes, and all of them at once. Real processes, real
 * HTTP: no webhook may be refused, and the floor must show what the platform said.
 */

const TZ = 'Asia/Shanghai'
const WAIT_MS = 40_000 // under a loaded machine the simulator may take a while to start

interface Pair {
  relay: TestRelay
  sim: SimulatorProcess
  /** The relay's log lines (JSON), when asked for. */
  log: string[]
}

const running: Pair[] = []
afterEach(async () => {
  for (const p of running.splice(0)) {
    await p.sim.stop()
    await p.relay.close()
  }
})

/** A relay, and the simulator process posting to it with `args`. */
async function startPair(args: string[], env: Record<string, string> = {}): Promise<Pair> {
  const port = await freePort()
  const log: string[] = []
  const logStream = new PassThrough()
  logStream.on('data', (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean)))
  const relay = await startTestRelay({ env: { PORT: String(port), ...env }, logStream })
  const sim = await startSimulatorProcess(
    `http://127.0.0.1:${port}/webhooks/wellcloud?token=${TEST_TOKEN}`,
    ['--agents', '8', '--speed', '20', '--seed', '7', '--namespace', 'test.cc', ...args],
  )
  const pair = { relay, sim, log }
  running.push(pair)
  return pair
}

async function floorOf(relay: TestRelay): Promise<FloorSnapshot> {
  const res = await relay.lead.fetch('/api/floor')
  if (res.status !== 200) throw new Error(`GET /api/floor: ${res.status} ${await res.text()}`)
  return (await res.json()) as FloorSnapshot
}

// GET /api/floor allows 60 a minute: poll once a second.
const POLL_MS = 1_000
/** Agents enough to call it a floor: the simulator logs its agents in over a while. */
const SOME = 4

/** Polls until `test` holds of the floor; returns that floor. */
async function floorWhere(
  relay: TestRelay,
  test: (f: FloorSnapshot) => boolean,
  withinMs = WAIT_MS,
): Promise<FloorSnapshot> {
  const until = Date.now() + withinMs
  for (;;) {
    const floor = await floorOf(relay)
    if (test(floor)) return floor
    if (Date.now() > until) throw new Error(`the floor never got there: ${JSON.stringify(floor)}`)
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}

/** The webhook counters and the quarantine of test.cc, as an admin sees them. */
async function intake(relay: TestRelay): Promise<{ stats: WebhookStats; quarantined: number }> {
  await relay.createUser({ username: 'admin', role: 'admin' })
  const admin = await relay.signIn('admin')
  const health = (await (await admin.fetch('/api/health/details')).json()) as {
    webhooks: WebhookStats
  }
  const page = (await (await admin.fetch('/api/webhooks/quarantine')).json()) as QuarantinePage
  return { stats: health.webhooks, quarantined: page.total }
}

interface SimAgent {
  id: string
  acState: string
  stateSince: string
}

describe('time formats', () => {
  it.each(['dash', 'iso', 'epoch', 'epoch-string'])(
    '--time-format %s: every event applies, at the time the platform gave',
    async (format) => {
      const { relay, sim } = await startPair(['--time-format', format])
      await floorWhere(relay, (f) => f.agents.length >= SOME)
      // The simulator's own agents, then the floor a moment later (the webhooks land).
      const simAgents = (await (await fetch(`${sim.url}/sim/agents`)).json()) as SimAgent[]
      await new Promise((r) => setTimeout(r, 300))
      const floor = await floorOf(relay)
      expect(floor.agents.every((a) => a.approxTime !== true)).toBe(true)
      let compared = 0
      for (const a of simAgents) {
        const shown = floor.agents.find((f) => f.id === a.id)
        if (!shown || shown.acState !== a.acState) continue
        // `dash` carries whole seconds only.
        const truth = parsePlatformTime(a.stateSince, TZ)!
        expect(Math.abs(shown.stateSince - truth)).toBeLessThan(1_000)
        compared++
      }
      expect(compared).toBeGreaterThan(0)
      const { stats, quarantined } = await intake(relay)
      expect([stats.invalid, quarantined]).toEqual([0, 0])
      expect(stats.applied).toBeGreaterThanOrEqual(8)
    },
    WAIT_MS * 2,
  )
})

describe('serials', () => {
  it(
    'applies 19-digit serials that differ by 1, in order, across 2^63',
    async () => {
      // Near the signed 64-bit limit: the counter runs past 9223372036854775807.
      const { relay } = await startPair(['--serial-start', '9223372036854775790'])
      const floor = await floorWhere(relay, (f) => f.agents.length >= SOME)
      expect(floor.agents.every((a) => /^9223372036854775\d{3}$/.test(a.serial))).toBe(true)
      // Wait for a few more events, then read every stored serial back.
      await floorWhere(relay, (f) => f.agents.some((a) => a.serial > '9223372036854775807'))
      const stored = relay.db
        .prepare('SELECT serial FROM agent_event_log ORDER BY serial')
        .pluck()
        .all() as string[]
      const serials = stored.map((s) => BigInt(s))
      expect(new Set(serials).size).toBe(serials.length)
      // Consecutive serials (1 apart) were both kept.
      expect(serials.some((s, i) => i > 0 && s - serials[i - 1]! === 1n)).toBe(true)
      const { stats, quarantined } = await intake(relay)
      expect([stats.invalid, quarantined]).toEqual([0, 0])
    },
    WAIT_MS * 2,
  )

  it(
    '--big-serials: serials past 2^53 sent as bare numbers keep every digit',
    async () => {
      const { relay } = await startPair(['--big-serials'])
      const floor = await floorWhere(relay, (f) => f.agents.length >= SOME)
      const serials = floor.agents.map((a) => BigInt(a.serial))
      expect(serials.every((s) => s >= 9007199254740993n)).toBe(true)
      expect(new Set(serials).size).toBe(serials.length)
      // The first, 2^53 + 1, which a JavaScript number would round to 2^53, kept as sent.
      const stored = relay.db
        .prepare('SELECT serial FROM agent_event_log')
        .pluck()
        .all() as string[]
      expect(stored.map((s) => BigInt(s))).toContain(9007199254740993n)
      const { stats } = await intake(relay)
      expect(stats.invalid).toBe(0)
    },
    WAIT_MS * 2,
  )

  it(
    'two raw bodies with 19-digit serials 1 apart both apply, in order; reversed, the older is stale',
    async () => {
      const relay = await startTestRelay()
      running.push({ relay, sim: { stop: () => Promise.resolve() } as SimulatorProcess, log: [] })
      const body = (serial: string, acState: string, id: string) =>
        JSON.stringify(agentEvent({ id, acState, serial: 0 })).replace(
          '"serial":0',
          `"serial":${serial}`,
        )
      const first = await relay.post(null, {
        raw: body('1234567890123456788', 'Available', '5901@test.cc'),
      })
      const second = await relay.post(null, {
        raw: body('1234567890123456789', 'Aux', '5901@test.cc'),
      })
      expect([first.body.result, second.body.result]).toEqual(['applied', 'applied'])
      const late = await relay.post(null, {
        raw: body('1234567890123456788', 'Available', '5902@test.cc'),
      })
      const early = await relay.post(null, {
        raw: body('1234567890123456787', 'Aux', '5902@test.cc'),
      })
      expect([late.body.result, early.body.result]).toEqual(['applied', 'stale'])
      const floor = await floorOf(relay)
      const byId = new Map(floor.agents.map((a) => [a.id, a]))
      expect(byId.get('5901@test.cc')).toMatchObject({
        acState: 'Aux',
        serial: '1234567890123456789',
      })
      expect(byId.get('5902@test.cc')).toMatchObject({
        acState: 'Available',
        serial: '1234567890123456788',
      })
    },
    WAIT_MS * 2,
  )
})

describe('a serial counter that restarts', () => {
  it(
    'moves a tile once the restarted counter’s state is past the margin; a stale repeat does not',
    async () => {
      // The counter starts again from 5000000 every 4 wall seconds, below the serials it had
      // reached; a margin of 1 s lets the restarted counter take tiles within the test's time.
      const { relay, sim, log } = await startPair(
        ['--serial-start', '5000000', '--serial-restart-after-sec', '4'],
        { LOG_LEVEL: 'warn', SERIAL_RESET_SEC: '1' },
      )
      await floorWhere(relay, (f) => f.agents.length >= SOME)
      type Reset = {
        level: number
        agentId: string
        heldSerial: string
        serial: string
        msg: string
      }
      const resets = () =>
        log
          .map((l) => JSON.parse(l) as Reset)
          .filter((l) => l.msg.includes('restarted its serial counter'))
      const until = Date.now() + WAIT_MS
      while (resets().length === 0 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 200))
      await sim.stop()
      const [first] = resets()
      expect(first).toBeDefined()
      expect(first!.level).toBe(40) // warn
      expect(BigInt(first!.serial)).toBeLessThan(BigInt(first!.heldSerial))
      // One line per reset of an agent, not one per event after it.
      const keys = resets().map((r) => `${r.agentId} ${r.heldSerial}`)
      expect(new Set(keys).size).toBe(keys.length)

      // The tile went on with the restarted counter.
      const moved = (await floorOf(relay)).agents.find((a) => a.id === first!.agentId)!
      expect(BigInt(moved.serial)).toBeLessThan(BigInt(first!.heldSerial))
      // A late event of the new counter, close in time, and one of the old counter, long before:
      // both stale, the tile stays.
      const late = agentEvent({
        id: moved.id,
        acState: 'Aux',
        serial: String(BigInt(moved.serial) - 1n),
        stateChangeTime: moved.stateSince - 500,
        timestamp: moved.stateSince - 500,
      })
      const old = agentEvent({
        id: moved.id,
        acState: 'Aux',
        serial: String(BigInt(first!.heldSerial) + 1n),
        stateChangeTime: moved.stateSince - 5 * 60_000,
        timestamp: moved.stateSince - 5 * 60_000,
      })
      expect((await relay.post(late)).body.result).toBe('stale')
      expect((await relay.post(old)).body.result).toBe('stale')
      const still = (await floorOf(relay)).agents.find((a) => a.id === moved.id)!
      expect([still.serial, still.acState]).toEqual([moved.serial, moved.acState])
    },
    WAIT_MS * 2,
  )
})

describe('loose shapes, and every variant at once', () => {
  it(
    '--loose-shapes: the callEnds are stored and no webhook is refused',
    async () => {
      const { relay } = await startPair(['--loose-shapes', '--speed', '40'])
      const floor = await floorWhere(relay, (f) => f.latestCalls.length >= 2)
      for (const c of floor.latestCalls) {
        expect(typeof c.conferenced).toBe('boolean')
        expect(typeof c.transferred).toBe('boolean')
      }
      const { stats, quarantined } = await intake(relay)
      expect([stats.invalid, quarantined]).toEqual([0, 0])
    },
    WAIT_MS * 2,
  )

  it(
    '--variants all: a few seconds of live traffic, nothing refused, the floor shows agents',
    async () => {
      const { relay } = await startPair(['--variants', 'all', '--speed', '40'])
      const floor = await floorWhere(
        relay,
        (f) => f.agents.length >= SOME && f.latestCalls.length > 0,
      )
      await new Promise((r) => setTimeout(r, 3_000))
      expect(floor.agents.every((a) => /^\d{16,20}$/.test(a.serial))).toBe(true)
      const { stats, quarantined } = await intake(relay)
      expect([stats.invalid, stats.tooLarge, quarantined]).toEqual([0, 0, 0])
      expect(stats.applied).toBeGreaterThan(8)
    },
    WAIT_MS * 2,
  )
})
