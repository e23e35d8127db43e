import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { AgentView, CallSummary } from '@/shared/floor'
import { AgentsRepo } from '../agents/agents.repo'
import { CallsRepo } from '../day-calls/calls.repo'
import { buildTimeline } from '../timeline/timeline'
import { compactStore } from './compact-store.migration'
import { type Db, migrate, openDatabase } from './database'
import { type Sql, sqliteStore } from './store'
import { MIGRATIONS } from './migrations'
import { textSerials as textSerialsStep } from './text-serials.migration'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

const DAY = '2026-03-02'

function view(serial: number, stateSince: number, changes: Partial<AgentView> = {}): AgentView {
  return {
    id: '5001@test.cc',
    name: '张三',
    namespace: 'test.cc',
    acState: 'Available',
    acStateRaw: null,
    lastACState: null,
    stateSince,
    callId: null,
    customerNumber: null,
    channelAddr: '8001@test.cc',
    skills: ['7001@test.cc'],
    workSkill: null,
    org: { id: 'o1', name: '客服一部', treePos: '1.1' },
    reason: 'AgentOperation',
    serial: String(serial),
    ...changes,
  }
}

const EVENTS: AgentView[] = [
  view(1, 1_000, { lastACState: 'LogOut' }),
  view(2, 2_000, {
    acState: 'InboundRinging',
    lastACState: 'Available',
    callId: 'c1',
    workSkill: '7001@test.cc',
    reason: null,
  }),
  view(3, 3_000, {
    acState: 'InboundTalking',
    lastACState: 'InboundRinging',
    callId: 'c1',
    workSkill: '7001@test.cc',
    reason: null,
  }),
  // Moved to another department with another skill while wrapping up.
  view(4, 4_000, {
    acState: 'Acw',
    lastACState: 'InboundTalking',
    skills: ['7001@test.cc', '7002@test.cc'],
    org: { id: 'o2', name: '客服二部', treePos: '1.2' },
  }),
  // A state this console does not know, kept in the platform's own word.
  view(5, 6_000, { acState: 'Unknown', acStateRaw: 'Training', lastACState: 'Acw' }),
  // A higher serial with an earlier time: the floor goes by serial.
  view(6, 5_000, { acState: 'Aux', lastACState: 'Acw' }),
  // An agent the platform says almost nothing about.
  view(1, 1_500, {
    id: '5002@test.cc',
    name: null,
    channelAddr: null,
    skills: [],
    org: { id: null, name: null, treePos: null },
    reason: null,
  }),
  view(9, 2_500, { id: '6001@other.cc', namespace: 'other.cc', name: '李四' }),
]

function call(callId: string, changes: Partial<CallSummary> = {}): CallSummary {
  return {
    callId,
    namespace: 'test.cc',
    callType: 'Inbound',
    ani: '13912345678',
    dnis: '33255500',
    customerPhone: '13912345678',
    agentId: '5001@test.cc',
    deviceId: '8001@test.cc',
    skillId: '7001@test.cc',
    startTime: 1_000,
    answerTime: 2_500,
    endTime: 4_000,
    queueSec: 2.673,
    talkSec: 42.956,
    endReason: 'CustomerHangup',
    hangupCause: 'NORMAL_CLEARING',
    hangupDevice: '13912345678',
    conferenced: false,
    transferred: true,
    orgTreePos: '1.1',
    ...changes,
  }
}

const CALLS: [CallSummary, string][] = [
  [call('c1'), DAY],
  [call('c0', { endTime: 3_000, conferenced: true, transferred: false }), DAY],
  [
    call('c2', {
      callType: null,
      ani: null,
      dnis: null,
      customerPhone: null,
      agentId: null,
      deviceId: null,
      skillId: null,
      startTime: null,
      answerTime: null,
      endTime: null,
      queueSec: null,
      talkSec: null,
      endReason: 'QueueAbandon',
      hangupCause: null,
      hangupDevice: null,
      conferenced: null,
      transferred: null,
      orgTreePos: null,
    }),
    DAY,
  ],
  [call('c3', { namespace: 'other.cc', agentId: '6001@other.cc', talkSec: 0 }), '2026-03-03'],
]

/** A database as the release before `next` left it: every migration up to it, with data. */
function oldDatabase(dir: string, next: number): void {
  const old = new Database(path.join(dir, 'console.db'))
  old.transaction(() => {
    MIGRATIONS.slice(0, next).forEach((step) => {
      if (typeof step !== 'string') throw new Error('an old migration is code')
      old.exec(step)
    })
    old.pragma(`user_version = ${next}`)
  })()
  // Written as those releases wrote them: every field as text in each row, the call's summary
  // as JSON beside the platform's body.
  const event = old.prepare(
    `INSERT INTO agent_events (namespace, agent_id, serial, name, ac_state, ac_state_raw,
       last_ac_state, state_change_time, call_id, channel_addr, skills, work_skill, org_id,
       org_name, org_tree_pos, reason, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const v of EVENTS)
    event.run(
      v.namespace,
      v.id,
      v.serial,
      v.name,
      v.acState,
      v.acStateRaw,
      v.lastACState,
      v.stateSince,
      v.callId,
      v.channelAddr,
      JSON.stringify(v.skills),
      v.workSkill,
      v.org.id,
      v.org.name,
      v.org.treePos,
      v.reason,
      v.stateSince + 10,
    )
  const callRow = old.prepare(
    `INSERT INTO calls (namespace, call_id, end_time, day, summary, payload, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const [c, day] of CALLS)
    callRow.run(c.namespace, c.callId, c.endTime, day, JSON.stringify(c), '{"raw":1}', 9_000)
  old.close()
}

/** What the floor, the timelines and the calls read from a store. */
type Maybe<T> = T | Promise<T>

async function readStore(
  latest: () => Maybe<AgentView[]>,
  between: (ns: string, id: string, from: number, to: number) => Maybe<AgentView[]>,
  day: (d: string) => Maybe<CallSummary[]>,
  get: (ns: string, id: string) => Maybe<CallSummary | null>,
) {
  const agents = [
    ['test.cc', '5001@test.cc'],
    ['test.cc', '5002@test.cc'],
    ['other.cc', '6001@other.cc'],
  ] as const
  const ranges = [
    [0, 10_000],
    [2_500, 4_500],
    [5_500, 6_500],
  ] as const
  const timelines = []
  for (const [ns, id] of agents) {
    for (const [from, to] of ranges) {
      const events = await between(ns, id, from, to)
      const calls = (await day(DAY)).filter((c) => c.namespace === ns && c.agentId === id)
      timelines.push({ events, timeline: buildTimeline(id, DAY, events, calls, from, to) })
    }
  }
  const calls = []
  for (const d of [DAY, '2026-03-03', '2026-03-04']) calls.push(await day(d))
  const byId = []
  for (const [c] of CALLS) byId.push(await get(c.namespace, c.callId))
  return {
    floor: (await latest()).sort((a, b) => a.id.localeCompare(b.id)),
    timelines,
    calls,
    byId,
  }
}

/** The query layer over an embedded file the test opened (and closes) itself. */
const layerOf = (db: Db): Sql => sqliteStore(db).db

/** The store as the earlier releases read it (their queries, their row mapping). */
async function readOld(dir: string) {
  const db = new Database(path.join(dir, 'console.db'), { readonly: true })
  type Row = Record<string, unknown>
  const toView = (r: Row): AgentView => ({
    id: r.agent_id as string,
    name: r.name as string | null,
    namespace: r.namespace as string,
    acState: r.ac_state as AgentView['acState'],
    acStateRaw: r.ac_state_raw as string | null,
    lastACState: r.last_ac_state as AgentView['lastACState'],
    stateSince: Number(r.state_change_time),
    callId: r.call_id as string | null,
    customerNumber: null,
    channelAddr: r.channel_addr as string | null,
    skills: JSON.parse(r.skills as string) as string[],
    workSkill: r.work_skill as string | null,
    org: {
      id: r.org_id as string | null,
      name: r.org_name as string | null,
      treePos: r.org_tree_pos as string | null,
    },
    reason: r.reason as string | null,
    serial: String(r.serial),
  })
  const read = await readStore(
    () =>
      (
        db
          .prepare(
            `SELECT e.* FROM agent_events e WHERE NOT EXISTS (
               SELECT 1 FROM agent_events n WHERE n.namespace = e.namespace AND n.agent_id = e.agent_id
                 AND (n.serial > e.serial OR (n.serial = e.serial AND n.state_change_time > e.state_change_time)))`,
          )
          .all() as Row[]
      ).map(toView),
    (ns, id, from, to) =>
      [
        ...(db
          .prepare(
            `SELECT * FROM agent_events WHERE namespace = ? AND agent_id = ? AND state_change_time < ?
             ORDER BY state_change_time DESC, serial DESC LIMIT 1`,
          )
          .all(ns, id, from) as Row[]),
        ...(db
          .prepare(
            `SELECT * FROM agent_events WHERE namespace = ? AND agent_id = ?
               AND state_change_time >= ? AND state_change_time < ? ORDER BY state_change_time, serial`,
          )
          .all(ns, id, from, to) as Row[]),
      ].map(toView),
    (day) =>
      (
        db
          .prepare('SELECT summary FROM calls WHERE day = ? ORDER BY end_time, received_at')
          .all(day) as { summary: string }[]
      ).map((r) => JSON.parse(r.summary) as CallSummary),
    (ns, id) => {
      const r = db
        .prepare('SELECT summary FROM calls WHERE namespace = ? AND call_id = ?')
        .get(ns, id) as { summary: string } | undefined
      return r ? (JSON.parse(r.summary) as CallSummary) : null
    },
  )
  db.close()
  return read
}

function readNew(db: Db) {
  const agents = new AgentsRepo(layerOf(db))
  const calls = new CallsRepo(layerOf(db))
  return readStore(
    () => agents.loadLatest(),
    (ns, id, from, to) => agents.eventsBetween(ns, id, from, to),
    (day) => calls.listDay(day),
    (ns, id) => calls.get(ns, id),
  )
}

const REKEYING = MIGRATIONS.findIndex(
  (m) => typeof m === 'string' && m.includes('CREATE TABLE agent_events_next'),
)
const COMPACTING = MIGRATIONS.indexOf(compactStore)

describe('the stored agent events and calls across an upgrade', () => {
  it.each([
    ['the re-keying of agent events', REKEYING],
    ['the compact store', COMPACTING],
  ])('reads the same floor, timelines and calls after %s as before', async (_name, next) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'))
    dirs.push(dir)
    oldDatabase(dir, next)
    const before = await readOld(dir)
    // What the data is, so a reader that lost something on both sides still fails.
    expect(before.floor.map((v) => [v.id, v.serial, v.acState])).toEqual([
      ['5001@test.cc', '6', 'Aux'],
      ['5002@test.cc', '1', 'Available'],
      ['6001@other.cc', '9', 'Available'],
    ])
    expect(before.calls[0]!.map((c) => c.callId)).toEqual(['c2', 'c0', 'c1'])

    const db = openDatabase(dir)
    migrate(db) // a second run does nothing
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(await readNew(db)).toEqual(before)
    // Each event kept the department and skills it had then.
    expect(
      (
        await new AgentsRepo(layerOf(db)).eventsBetween('test.cc', '5001@test.cc', 3_500, 4_500)
      ).map((v) => [v.org.name, v.skills]),
    ).toEqual([
      ['客服一部', ['7001@test.cc']],
      ['客服二部', ['7001@test.cc', '7002@test.cc']],
    ])
    db.close()
  })

  it('still refuses a repeated event after the upgrade, and moves the floor on a new one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'))
    dirs.push(dir)
    oldDatabase(dir, COMPACTING)
    const db = openDatabase(dir)
    const sql = layerOf(db)
    const repo = new AgentsRepo(sql)
    expect(await repo.insert(sql, EVENTS[2]!)).toBe(false) // the platform retried
    expect(await repo.insert(sql, view(7, 7_000, { acState: 'Available' }))).toBe(true)
    expect(
      (await repo.loadLatest())
        .filter((v) => v.id === '5001@test.cc')
        .map((v) => [v.serial, v.acState]),
    ).toEqual([['7', 'Available']])
    expect(await new CallsRepo(sql).insert(sql, CALLS[0]![0], DAY, 9_000)).toBe(false)
    db.close()
  })

  it('gives the space the old rows took back to the file system', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'))
    dirs.push(dir)
    oldDatabase(dir, COMPACTING)
    const old = new Database(path.join(dir, 'console.db'))
    // Enough calls with the platform's whole body that the old file is large.
    const body = JSON.stringify({ segmentList: Array.from({ length: 40 }, (_, i) => ({ i })) })
    const insert = old.prepare(
      `INSERT INTO calls (namespace, call_id, end_time, day, summary, payload, received_at)
       VALUES ('test.cc', ?, 1, ?, ?, ?, 1)`,
    )
    old.transaction(() => {
      for (let i = 0; i < 2_000; i++)
        insert.run(`bulk-${i}`, DAY, JSON.stringify(call(`bulk-${i}`)), body)
    })()
    old.pragma('wal_checkpoint(TRUNCATE)')
    old.close()
    const oldBytes = fs.statSync(path.join(dir, 'console.db')).size

    const db = openDatabase(dir)
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2) // incremental from now on
    expect(await new CallsRepo(layerOf(db)).listDay(DAY)).toHaveLength(2_003)
    db.close()
    expect(fs.statSync(path.join(dir, 'console.db')).size).toBeLessThan(oldBytes / 2)
  })

  it('keeps integer serials readable as text, in number order, and takes 20-digit ones after', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'))
    dirs.push(dir)
    oldDatabase(dir, COMPACTING)
    // The release before serials were text: the compact store, serials as integers.
    const old = new Database(path.join(dir, 'console.db'))
    const textSerials = MIGRATIONS.indexOf(textSerialsStep)
    old.transaction(() => {
      MIGRATIONS.slice(COMPACTING, textSerials).forEach((step) =>
        typeof step === 'string' ? old.exec(step) : step(old),
      )
      old.pragma(`user_version = ${textSerials}`)
    })()
    // Written as that release wrote them (99 then 100: unpadded text would sort "99" above).
    old.exec(`
      INSERT INTO agents (id, namespace, agent_id, latest_time, latest_serial)
        VALUES (101, 'test.cc', '5011@test.cc', 8000, 100), (102, 'test.cc', '5012@test.cc', 9000, 9007199254740993);
      INSERT INTO agent_profiles (id, agent, skills) VALUES (201, 101, '[]'), (202, 102, '[]');
      INSERT INTO agent_states (id, ac_state) VALUES (301, 'Aux'), (302, 'Acw');
      INSERT INTO agent_event_log (agent, state_change_time, serial, profile, state)
        VALUES (101, 8000, 99, 201, 301), (101, 8000, 100, 201, 302), (102, 9000, 9007199254740993, 202, 301);
    `)
    expect(typeof old.prepare('SELECT serial FROM agent_event_log LIMIT 1').pluck().get()).toBe(
      'number',
    )
    old.close()

    const db = openDatabase(dir)
    const sql = layerOf(db)
    const repo = new AgentsRepo(sql)
    const latest = async (id: string) => (await repo.loadLatest()).find((v) => v.id === id)
    const v5011 = await latest('5011@test.cc')
    expect([v5011?.serial, v5011?.acState]).toEqual(['100', 'Acw'])
    expect((await latest('5012@test.cc'))?.serial).toBe('9007199254740993')
    expect(
      (await repo.eventsBetween('test.cc', '5011@test.cc', 8_000, 8_001)).map((v) => v.serial),
    ).toEqual(['99', '100'])
    // Two 20-digit serials 1 apart, past what a BIGINT holds: both kept, in order.
    expect(await repo.insert(sql, { ...view(0, 10_000), serial: '18446744073709551614' })).toBe(
      true,
    )
    expect(
      await repo.insert(sql, {
        ...view(0, 10_000, { acState: 'Aux' }),
        serial: '18446744073709551615',
      }),
    ).toBe(true)
    expect(await latest('5001@test.cc')).toMatchObject({
      serial: '18446744073709551615',
      acState: 'Aux',
    })
    expect(
      (await repo.eventsBetween('test.cc', '5001@test.cc', 10_000, 11_000))
        .slice(1) // the state the agent was in before
        .map((v) => v.serial),
    ).toEqual(['18446744073709551614', '18446744073709551615'])
    // An approximate state time is kept with the event.
    await repo.insert(sql, {
      ...view(0, 12_000, { approxTime: true }),
      serial: '18446744073709551615',
    })
    expect((await latest('5001@test.cc'))?.approxTime).toBe(true)
    db.close()
  })
})
