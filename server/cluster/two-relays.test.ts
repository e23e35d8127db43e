import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { sql } from 'kysely'
import { io as connect } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '@/shared/auth'
import type { AgentView, FloorSnapshot } from '@/shared/floor'
import { hashPassword } from '../auth/passwords'
import { UsersRepo } from '../auth/users.repo'
import { AgentsRepo } from '../agents/agents.repo'
import { AgentsStore } from '../agents/agents.store'
import { CallsRepo } from '../day-calls/calls.repo'
import { CallsStore } from '../day-calls/calls.store'
import { openPostgres } from '../db/store'
import { WriteBatcher } from '../db/write-batcher'
import { type StartedProgram, startProgram } from '../lib/child-process'
import { agentEventBuilder } from '../testing/agent-event'
import { redisForTest, redisUrl, testPrefix } from '../testing/redis'
import { createTestSchema, postgresUrl } from '../testing/stores'
import {
  applyTo,
  type FloorClient,
  signInAt,
  TEST_PASSWORD,
  TEST_TOKEN,
  callEndEvent,
} from '../testing/test-relay'
import { formatEventTime } from '@/shared/platform-time'
import { agentStateEventSchema, callEndEventSchema } from '@/shared/webhooks'

/*
 * Two relay processes on one PostgreSQL and one Redis, as an operator runs them: real programs,
 * webhooks posted to either, screens on both.
 */

const AGENTS = ['5001@test.cc', '5002@test.cc', '5003@test.cc', '5004@test.cc']
const STATES = ['Available', 'Aux', 'Acw'] as const
const TZ = 'Asia/Shanghai'
const RULES = { slThresholdSec: 20, shortAbandonSec: 5, slTargetPct: 80 }

interface Relay {
  url: string
  program: StartedProgram
}

// Three relay programs start in a test, on two cores shared with the rest of the suite.
const PROCESS_TEST_MS = 120_000

describe.skipIf(!postgresUrl || !redisUrl)(
  'two relay processes, one floor',
  { timeout: PROCESS_TEST_MS },
  () => {
    let schema: Awaited<ReturnType<typeof createTestSchema>>
    let prefix: string
    let redis: ReturnType<typeof redisForTest>
    const relays: Relay[] = []
    const clients: FloorClient[] = []
    const dirs: string[] = []

    beforeEach(async () => {
      schema = await createTestSchema()
      prefix = testPrefix()
      redis = redisForTest(prefix)
      // The first account, made as an operator would before starting the relays.
      const store = await openPostgres(schema.url)
      await new UsersRepo(store.db).create(
        {
          username: 'lead',
          passwordHash: await hashPassword(TEST_PASSWORD),
          role: 'admin',
          scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
        },
        Date.now(),
      )
      await store.close()
    })

    afterEach(async () => {
      for (const c of clients.splice(0)) c.disconnect()
      for (const r of relays.splice(0)) await r.program.stop()
      await redis.dispose()
      await schema.drop()
      for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
    })

    async function startRelay(name: string): Promise<Relay> {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `cluster-${name}-`))
      dirs.push(dataDir)
      const program = await startProgram(
        'server/index.ts',
        [],
        {
          PORT: '0',
          HOST: '127.0.0.1',
          SIMULATOR: 'off',
          WELLCLOUD_NAMESPACE: 'test.cc',
          WEBHOOK_TOKEN: TEST_TOKEN,
          DATA_DIR: dataDir,
          DATABASE_URL: schema.url,
          REDIS_URL: redisUrl ?? '',
          REDIS_PREFIX: prefix,
          RELAY_NODE_ID: name,
          // The floor is compared with the store each second (5 by default).
          CLUSTER_RECONCILE_SEC: '1',
          LOG_LEVEL: 'warn',
        },
        'RELAY_READY',
        { label: name },
      )
      const relay = { url: program.ready.url as string, program }
      relays.push(relay)
      return relay
    }

    const post = async (relay: Relay, event: unknown): Promise<number> => {
      const res = await fetch(`${relay.url}/webhooks/wellcloud?token=${TEST_TOKEN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      })
      await res.arrayBuffer()
      return res.status
    }

    async function floorOf(relay: Relay, cookie: string): Promise<Map<string, AgentView>> {
      const res = await fetch(`${relay.url}/api/floor`, { headers: { cookie } })
      expect(res.status).toBe(200)
      const snapshot = (await res.json()) as FloorSnapshot
      return new Map(snapshot.agents.map((a) => [a.id, a]))
    }

    const statesOf = (floor: Map<string, AgentView>) =>
      Object.fromEntries([...floor].map(([id, a]) => [id, `${a.acState}@${a.stateSince}`]))

    async function until(
      check: () => boolean | Promise<boolean>,
      what: string,
      everyMs = 50,
    ): Promise<void> {
      for (let waited = 0; waited < 30_000; waited += everyMs) {
        if (await check()) return
        await new Promise((r) => setTimeout(r, everyMs))
      }
      throw new Error(`never: ${what}`)
    }

    /** A screen on `relay`: its copy of the floor, and each agent's states in the order it saw them. */
    function screen(relay: Relay, cookie: string) {
      const floor = new Map<string, AgentView>()
      const seen = new Map<string, number[]>()
      const note = () => {
        for (const a of floor.values()) {
          const times = seen.get(a.id) ?? []
          if (times.at(-1) !== a.stateSince) times.push(a.stateSince)
          seen.set(a.id, times)
        }
      }
      const client: FloorClient = connect(relay.url, {
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie },
      })
      clients.push(client)
      client.on('floor:snapshot', (s) => {
        floor.clear()
        for (const a of s.agents) floor.set(a.id, a)
        note()
      })
      client.on('floor:changed', (c) => {
        applyTo(floor, c)
        note()
      })
      return { client, floor, seen }
    }

    it('shows every screen on either process the same floor, in the platform order, whichever process the platform posts to; a session works on both and ends on both', async () => {
      const a = await startRelay('relay-a')
      const b = await startRelay('relay-b')
      // Signed in through a; the same session on b.
      const session = await signInAt(a.url, 'lead', TEST_PASSWORD)
      const onA = screen(a, session.cookie)
      const onB = screen(b, session.cookie)
      await until(() => onA.client.connected && onB.client.connected, 'both screens connected')

      let at = Date.now() - 60_000
      const event = agentEventBuilder({ firstSerial: 50_000, now: () => (at += 100) })
      const posted = new Map<string, string>()
      for (let i = 0; i < 60; i++) {
        const id = AGENTS[i % AGENTS.length]!
        const acState = STATES[Math.floor(i / AGENTS.length) % STATES.length]!
        const e = event({ id, acState })
        expect(await post(i % 2 === 0 ? a : b, e)).toBe(200)
        posted.set(id, acState)
      }
      const expected = Object.fromEntries([...posted].map(([id, s]) => [id, s]))
      const shown = (floor: Map<string, AgentView>) =>
        Object.fromEntries([...floor].map(([id, v]) => [id, v.acState]))
      await until(
        () =>
          isDeepStrictEqual(shown(onA.floor), expected) &&
          isDeepStrictEqual(shown(onB.floor), expected),
        'both screens show the last state of every agent',
      )
      // Both processes hold the same floor, to the millisecond.
      expect(statesOf(await floorOf(a, session.cookie))).toEqual(
        statesOf(await floorOf(b, session.cookie)),
      )
      // Each screen saw each agent's states in the order the platform sent them.
      for (const { seen } of [onA, onB]) {
        for (const times of seen.values()) expect(times).toEqual([...times].sort((x, y) => x - y))
      }

      // Signed out through a: refused by b, and b's screen is closed.
      const closed = new Promise<void>((resolve) => onB.client.on('disconnect', () => resolve()))
      const out = await session.fetch('/api/auth/logout', { method: 'POST' })
      expect(out.status).toBe(204)
      await closed
      const after = await fetch(`${b.url}/api/floor`, { headers: { cookie: session.cookie } })
      expect(after.status).toBe(401)
    })

    it('loses nothing it acknowledged when one process is killed mid-burst, and a process started later catches up', async () => {
      const a = await startRelay('relay-a')
      const b = await startRelay('relay-b')
      const session = await signInAt(b.url, 'lead', TEST_PASSWORD)
      let at = Date.now() - 600_000
      const event = agentEventBuilder({ firstSerial: 90_000, now: () => (at += 100) })
      const acknowledged: Array<{ id: string; serial: number }> = []
      const burst = async (from: number, to: number) => {
        const sends = []
        for (let i = from; i < to; i++) {
          const id = AGENTS[i % AGENTS.length]!
          const e = event({ id, acState: STATES[i % STATES.length] })
          sends.push(
            post(i % 2 === 0 ? a : b, e).then(
              (status) => {
                if (status === 200) acknowledged.push({ id, serial: e.serial as number })
              },
              () => {}, // the killed process: not acknowledged
            ),
          )
        }
        await Promise.all(sends)
      }
      await burst(0, 100)
      const inFlight = burst(100, 200)
      // Killed without a chance to finish anything, in the middle of the burst.
      a.program.child.kill('SIGKILL')
      await inFlight
      await burst(200, 240)
      expect(acknowledged.length).toBeGreaterThan(120)

      // Every acknowledged event is in the store…
      const store = await openPostgres(schema.url)
      const { rows } = await sql<{ serial: string }>`SELECT serial FROM agent_event_log`.execute(
        store.db,
      )
      await store.close()
      const stored = new Set(rows.map((r) => Number(r.serial)))
      expect(acknowledged.filter((e) => !stored.has(e.serial))).toEqual([])

      // …and the survivor shows, for each agent, its latest acknowledged event.
      const latest = new Map<string, number>()
      for (const e of acknowledged) latest.set(e.id, Math.max(latest.get(e.id) ?? 0, e.serial))
      const survivor = await floorOf(b, session.cookie)
      for (const [id, serial] of latest) expect(Number(survivor.get(id)?.serial), id).toBe(serial)

      // A process started now shows what the store holds: each agent at its latest acknowledged
      // event or, where the killed process stored a later one it never got to answer, that one.
      const c = await startRelay('relay-c')
      const check = await openPostgres(schema.url)
      const pointers = await sql<{ agent_id: string; latest_serial: string }>`
        SELECT agent_id, latest_serial FROM agents`.execute(check.db)
      await check.close()
      const latestStored = new Map(pointers.rows.map((r) => [r.agent_id, Number(r.latest_serial)]))
      const restarted = await floorOf(c, session.cookie)
      for (const [id, serial] of latest) {
        const shown = Number(restarted.get(id)?.serial)
        expect(shown, id).toBeGreaterThanOrEqual(serial)
        expect(shown, id).toBe(latestStored.get(id))
      }
      // The survivor comes to show the same, the store's latest included.
      const serials = (floor: Map<string, AgentView>) =>
        Object.fromEntries([...floor].map(([id, v]) => [id, Number(v.serial)]))
      const onB = screen(b, session.cookie)
      await until(
        () => isDeepStrictEqual(serials(onB.floor), serials(restarted)),
        "the survivor's screen shows what the store holds",
      )
    })

    it('shows within seconds what a process stored and never passed on (killed between the two)', async () => {
      const a = await startRelay('relay-a')
      const session = await signInAt(a.url, 'lead', TEST_PASSWORD)
      const onA = screen(a, session.cookie)
      const calls: string[] = []
      onA.client.on('floor:snapshot', (s) => calls.push(...s.latestCalls.map((c) => c.callId)))
      onA.client.on('floor:changed', (c) => calls.push(...(c.calls ?? []).map((x) => x.callId)))
      await until(() => onA.client.connected, 'the screen connected')

      // The other process: it commits, as a relay does, and never gets to announce.
      const store = await openPostgres(schema.url)
      const writes = new WriteBatcher(store)
      const now = Date.now()
      const silent = new AgentsStore(new AgentsRepo(store.db), writes, () => {})
      const event = agentStateEventSchema(TZ, () => now).parse(
        agentEventBuilder({ firstSerial: 70_000, now: () => now - 1_000 })({
          id: '5009@test.cc',
          acState: 'Acw',
        }),
      )
      await silent.apply(event, now).persisted
      const end = formatEventTime(now - 2_000, TZ)
      const callEnd = callEndEventSchema(TZ, () => now).parse(
        callEndEvent({ callId: 'call-never-announced', endTime: end, timestamp: end }),
      )
      await new CallsStore(
        new CallsRepo(store.db),
        writes,
        () => () => RULES,
        TZ,
        now,
        () => {},
      ).ingest(callEnd, now, null)
      await writes.flush()
      await store.close()

      await until(
        () => onA.floor.get('5009@test.cc')?.acState === 'Acw',
        "the screen shows the agent's stored state",
      )
      await until(() => calls.includes('call-never-announced'), 'the screen shows the stored call')
      expect((await floorOf(a, session.cookie)).get('5009@test.cc')?.serial).toBe(
        String(event.serial),
      )

      // A screen that goes away leaves its recovery state in Redis (which once stopped the
      // process: the state held functions); the relay goes on answering.
      // (its connection drops, as when a browser closes: a client's own disconnect leaves none)
      onA.client.io.engine.close()
      const client = redis.connect()
      const keys = () => client.keys(`${prefix}sio:session:*`)
      await until(async () => (await keys()).length > 0, "the screen's recovery state is in Redis")
      const stored = Buffer.from((await client.get((await keys())[0]!)) ?? '', 'base64')
      const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(session.cookie)?.[1]
      expect(token).toBeDefined()
      // No secret is kept there: not the session token.
      expect(stored.includes(token!)).toBe(false)
      expect(stored.includes('lead')).toBe(false)
      expect((await fetch(`${a.url}/api/health`)).status).toBe(200)
      expect(a.program.child.exitCode).toBeNull()
    })
  },
)
