import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import type { Sql } from '../db/store'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { WriteBatcher } from '../db/write-batcher'
import { AgentsRepo } from './agents.repo'

function view(serial: number, stateSince: number, changes: Partial<AgentView> = {}): AgentView {
  return {
    id: '5001@test.cc',
    name: '张三',
    namespace: 'test.cc',
    acState: 'Available',
    acStateRaw: null,
    lastACState: 'Aux',
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

const count = async (db: Sql, table: string) =>
  (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n

describeEachStore('stored agent events', (kind) => {
  const stores: TestStore[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.dispose()
  })

  async function store(): Promise<{ db: Sql; repo: AgentsRepo; insert: Insert; s: TestStore }> {
    const s = await openTestStore(kind)
    stores.push(s)
    const repo = new AgentsRepo(s.db)
    // Each event in a transaction of its own, as the write batcher runs one.
    const insert: Insert = (view, latest) =>
      s.db.transaction().execute((trx) => repo.insert(trx, view, latest))
    return { db: s.db, repo, insert, s }
  }

  it("give back each event's name, department and skills as they were then", async () => {
    const { db, repo, insert } = await store()
    const events = [
      view(1, 1_000),
      view(2, 2_000, {
        acState: 'InboundTalking',
        lastACState: 'Available',
        callId: 'c1',
        workSkill: '7001@test.cc',
        reason: null,
      }),
      // Given a second skill group and moved to another department; renamed too.
      view(3, 3_000, {
        name: '张三丰',
        skills: ['7001@test.cc', '7002@test.cc'],
        org: { id: 'o2', name: '客服二部', treePos: '1.2' },
      }),
      view(4, 4_000, { acState: 'Unknown', acStateRaw: 'Training', lastACState: 'Available' }),
      // Back to the first skill group alone.
      view(5, 5_000, { skills: ['7001@test.cc'] }),
    ]
    const bare = view(1, 1_500, {
      id: '5002@test.cc',
      name: null,
      lastACState: null,
      channelAddr: null,
      skills: [],
      org: { id: null, name: null, treePos: null },
      reason: null,
    })
    for (const e of [...events, bare]) expect(await insert(e)).toBe(true)

    expect(await repo.eventsBetween('test.cc', '5001@test.cc', 0, 10_000)).toEqual(events)
    expect(await repo.eventsBetween('test.cc', '5002@test.cc', 0, 10_000)).toEqual([bare])
    // The range starts with the state the agent was in then, as it was then.
    expect(await repo.eventsBetween('test.cc', '5001@test.cc', 3_500, 4_500)).toEqual(
      events.slice(2, 4),
    )
    // Every agent's, agent after agent: what today's handle time is counted from at start.
    expect(await repo.everyAgentBetween(3_500, 10_000)).toEqual([...events.slice(2), bare])
    // What repeats is stored once: two profiles of 5001 (the first one came back), one of 5002.
    expect(await count(db, 'agent_profiles')).toBe(3)
    expect(await count(db, 'agent_event_log')).toBe(6)
  })

  it('rebuild the floor from the event with the highest serial, then the latest change', async () => {
    const { repo, insert } = await store()
    await insert(view(1, 1_000))
    await insert(view(3, 2_000, { acState: 'Aux' })) // a higher serial with an earlier time
    await insert(view(2, 3_000, { acState: 'Acw' }))
    await insert(view(3, 2_500, { acState: 'Hold' })) // the same serial, later
    await insert(view(7, 500, { id: '5002@test.cc', name: '李四' }))
    expect(await insert(view(3, 2_500, { acState: 'Hold' }))).toBe(false) // the platform retried
    expect((await repo.loadLatest()).map((v) => [v.id, v.serial, v.acState]).sort()).toEqual([
      ['5001@test.cc', '3', 'Hold'],
      ['5002@test.cc', '7', 'Available'],
    ])
  })

  it('follow the floor when it says which event is the latest (a restarted serial counter)', async () => {
    const { repo, insert } = await store()
    await insert(view(1_733_000_000_000, 1_000), true)
    // The floor took the lower serial (much later) as the agent's latest; an old straggler not.
    await insert(view(1, 200_000, { acState: 'Aux' }), true)
    await insert(view(1_733_000_000_001, 2_000, { acState: 'Acw' }), false)
    expect((await repo.loadLatest()).map((v) => [v.serial, v.acState])).toEqual([['1', 'Aux']])
  })

  it("store a batch's events together: each once, each agent at the floor's latest", async () => {
    const { db, repo, s } = await store()
    await s.db.transaction().execute((trx) => repo.insert(trx, view(5, 5_000), true))
    const later = view(6, 6_000, { acState: 'Aux' })
    const last = view(8, 8_000, { acState: 'Acw' })
    const other = view(2, 1_000, { id: '5002@test.cc', name: '李四' })
    const staged = await s.db.transaction().execute(async (trx) => {
      const batch = [
        await repo.stage(trx, later, true),
        await repo.stage(trx, other, true),
        await repo.stage(trx, view(5, 5_000), false), // stored in an earlier batch
        await repo.stage(trx, view(7, 7_000, { acState: 'Hold' }), false), // a straggler
        await repo.stage(trx, last, true),
        await repo.stage(trx, last, false), // the platform sent it twice in one batch
      ]
      // Nothing is written before the batch is stored.
      expect(await count(trx, 'agent_event_log')).toBe(1)
      await repo.flushStaged(trx)
      return batch
    })
    expect(staged.map((e) => e.inserted)).toEqual([true, true, false, true, true, false])
    expect(await count(db, 'agent_event_log')).toBe(5)
    expect((await repo.loadLatest()).map((v) => [v.id, v.serial, v.acState]).sort()).toEqual([
      ['5001@test.cc', '8', 'Acw'],
      ['5002@test.cc', '2', 'Available'],
    ])
    // A later batch whose latest is older than what is stored leaves the pointer where it is.
    await s.db.transaction().execute(async (trx) => {
      await repo.stage(trx, view(4, 4_500, { acState: 'Hold' }), true)
      await repo.flushStaged(trx)
    })
    expect((await repo.loadLatest()).find((v) => v.id === '5001@test.cc')?.serial).toBe('8')
  })

  it('refer to the right agent after a write batch that created one was rolled back', async () => {
    const { repo, insert, s } = await store()
    const batcher = new WriteBatcher(s)
    batcher.onRollback(() => repo.forget())
    // The batch is rolled back; its writes are tried again one by one, and this one fails too.
    await expect(
      batcher.write(async (trx) => {
        await repo.insert(trx, view(1, 1_000, { id: '5009@test.cc', name: '回滚' }))
        throw new Error('this write failed')
      }),
    ).rejects.toThrow()
    // The ids the rolled-back rows had are given to others now (on SQLite; PostgreSQL skips them).
    await insert(view(2, 2_000, { id: '5002@test.cc', name: '李四', skills: ['7002@test.cc'] }))
    await insert(view(3, 3_000, { id: '5009@test.cc', name: '王五' }))
    expect(
      (await repo.loadLatest())
        .map((v) => [v.id, v.name, v.skills, v.serial])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['5002@test.cc', '李四', ['7002@test.cc'], '2'],
      ['5009@test.cc', '王五', ['7001@test.cc'], '3'],
    ])
  })

  it.skipIf(kind !== 'postgres')(
    'take one row for an agent two relay processes store at the same moment',
    async () => {
      const { db, s } = await store()
      const first = new AgentsRepo(s.db)
      const second = new AgentsRepo(s.db)
      let commitFirst = () => {}
      const held = new Promise<void>((resolve) => (commitFirst = resolve))
      const one = db.transaction().execute(async (trx) => {
        await first.insert(trx, view(1, 1_000, { id: '5077@test.cc' }))
        await held // not committed yet while the other process stores the same new agent
      })
      await new Promise((r) => setTimeout(r, 100))
      const two = db
        .transaction()
        .execute((trx) => second.insert(trx, view(2, 2_000, { id: '5077@test.cc' })))
      await new Promise((r) => setTimeout(r, 100))
      commitFirst()
      await Promise.all([one, two])
      expect(await count(db, 'agents')).toBe(1)
      expect(await count(db, 'agent_event_log')).toBe(2)
      expect((await first.loadLatest()).map((v) => v.serial)).toEqual(['2'])
    },
  )

  it('are pruned by the time their state began, keeping what is newer and each agent’s latest', async () => {
    const { db, repo, insert } = await store()
    const prune = (before: number) => db.transaction().execute((trx) => repo.prune(trx, before))
    const DAY = 86_400_000
    const t0 = 100 * DAY
    await insert(view(1, t0, { skills: ['old-skill'] }))
    await insert(view(2, t0 + DAY, { acState: 'Aux' }))
    await insert(view(3, t0 + 20 * DAY, { acState: 'InboundTalking', callId: 'c1' }))
    // An agent logged out long ago: their last word stays, whatever its age.
    await insert(view(1, t0, { id: '5002@test.cc', acState: 'Aux' }))
    await insert(view(2, t0 + DAY, { id: '5002@test.cc', acState: 'LogOut' }))
    const floor = await repo.loadLatest()

    expect(await prune(t0 + 14 * DAY)).toBe(3)
    expect(await repo.eventsBetween('test.cc', '5001@test.cc', 0, t0 + 30 * DAY)).toEqual([
      view(3, t0 + 20 * DAY, { acState: 'InboundTalking', callId: 'c1' }),
    ])
    expect(await repo.eventsBetween('test.cc', '5002@test.cc', 0, t0 + 30 * DAY)).toEqual([
      view(2, t0 + DAY, { id: '5002@test.cc', acState: 'LogOut' }),
    ])
    expect(await repo.loadLatest()).toEqual(floor)
    // The profile with the old skill is gone with the events that had it.
    const { rows } = await sql<{
      skills: string
    }>`SELECT skills FROM agent_profiles ORDER BY id`.execute(db)
    expect(rows.map((r) => r.skills)).toEqual(['["7001@test.cc"]', '["7001@test.cc"]'])
    // Written again after the prune, an event with the pruned profile reads back whole.
    await insert(view(4, t0 + 21 * DAY, { skills: ['old-skill'] }))
    expect(
      (await repo.eventsBetween('test.cc', '5001@test.cc', t0 + 21 * DAY, t0 + 22 * DAY)).at(-1)
        ?.skills,
    ).toEqual(['old-skill'])
    expect(await prune(t0 + 14 * DAY)).toBe(0)
  })
})

type Insert = (view: AgentView, latest?: boolean) => Promise<boolean>
