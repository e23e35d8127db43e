import { afterEach, describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { agentStateEventSchema } from '@/shared/webhooks'
import { agent } from '@/testing/fixtures'
import { WriteBatcher } from '../db/write-batcher'
import { agentEvent } from '../testing/agent-event'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { AgentsRepo } from './agents.repo'
import { AgentsStore, compareViews } from './agents.store'

const MARGIN_MS = 60_000 // SERIAL_RESET_SEC's default
const T = Date.UTC(2026, 10, 21, 2, 0)

const at = (serial: string, stateSince: number, extra: Partial<AgentView> = {}) =>
  agent(1, { serial, stateSince, ...extra })

describe('the order of two views of one agent', () => {
  it('goes by serial between events close in time, losslessly past 2^53', () => {
    expect(compareViews(at('11', T), at('10', T + 5_000), MARGIN_MS)).toBeGreaterThan(0)
    expect(compareViews(at('10', T + 5_000), at('11', T), MARGIN_MS)).toBeLessThan(0)
    const a = at('18446744073709551614', T)
    const b = at('18446744073709551615', T)
    expect(compareViews(b, a, MARGIN_MS)).toBeGreaterThan(0)
    expect(compareViews(a, a, MARGIN_MS)).toBe(0)
  })

  it('lets a restarted counter win once its state is later by more than the margin', () => {
    const held = at('1733000000000', T)
    expect(compareViews(at('1', T + MARGIN_MS), held, MARGIN_MS)).toBeLessThan(0)
    expect(compareViews(at('1', T + MARGIN_MS + 1), held, MARGIN_MS)).toBeGreaterThan(0)
    // And then a late event of the old counter does not move the tile back.
    const reset = at('2', T + 120_000)
    expect(compareViews(at('1733000000001', T + 1_000), reset, MARGIN_MS)).toBeLessThan(0)
  })

  it('never lets an approximate time overrule a serial', () => {
    const held = at('100', T)
    expect(compareViews(at('5', T + 600_000, { approxTime: true }), held, MARGIN_MS)).toBeLessThan(
      0,
    )
  })
})

describeEachStore('the floor across a restart', (kind) => {
  const stores: TestStore[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.dispose()
  })

  const TZ = 'Asia/Shanghai'
  const parse = (o: Record<string, unknown>) =>
    agentStateEventSchema(TZ, () => T).parse(agentEvent({ stateChangeTime: T, ...o }))

  async function floorOf(store: TestStore) {
    const writes = new WriteBatcher(store)
    const agents = new AgentsStore(new AgentsRepo(store.db), writes, () => {})
    await agents.load()
    return { agents, writes }
  }

  it('is rebuilt as acknowledged, also after a write batch that failed was taken apart', async () => {
    const store = await openTestStore(kind)
    stores.push(store)
    const { agents, writes } = await floorOf(store)
    const first = agents.apply(parse({ id: '5001@test.cc', serial: 10, acState: 'Aux' }), T)
    // Another write of the same batch fails: the batch is rolled back and each write retried
    // alone. The agent and profile the first created in the batch are made again.
    const failing = writes.write(() => Promise.reject(new Error('a write that fails')))
    await first.persisted
    await expect(failing).rejects.toThrow()
    const next = agents.apply(
      parse({ id: '5001@test.cc', serial: 11, acState: 'Available', name: '张三' }),
      T + 1_000,
    )
    const other = agents.apply(parse({ id: '5002@test.cc', serial: 12, acState: 'LogOut' }), T)
    await Promise.all([next.persisted, other.persisted])

    const restarted = (await floorOf(store)).agents
    expect(restarted.list('test.cc').map((v) => [v.id, v.acState, v.name, v.serial])).toEqual(
      agents.list('test.cc').map((v) => [v.id, v.acState, v.name, v.serial]),
    )
    expect(restarted.get('test.cc', '5001@test.cc')).toMatchObject({
      acState: 'Available',
      name: '张三',
    })
    expect(restarted.count()).toBe(2)
  })

  it('shows what another process stored and did not pass on, and never moves an agent back', async () => {
    const store = await openTestStore(kind)
    stores.push(store)
    // Two processes on one store: `here` and `there` (which stores and never announces).
    const changed: string[] = []
    const writes = new WriteBatcher(store)
    const here = new AgentsStore(new AgentsRepo(store.db), writes, (v) =>
      changed.push(`${v.id}:${v.acState}`),
    )
    await here.load()
    const there = (await floorOf(store)).agents
    await here.apply(parse({ id: '5001@test.cc', serial: 10, acState: 'Aux' }), T).persisted
    await here.apply(parse({ id: '5002@test.cc', serial: 20, acState: 'Available' }), T).persisted
    // `there` stores a newer event of 5001, an older one of 5002 and a new agent.
    await there.apply(parse({ id: '5001@test.cc', serial: 11, acState: 'Available' }), T + 1_000)
      .persisted
    await there.apply(parse({ id: '5002@test.cc', serial: 19, acState: 'LogOut' }), T).persisted
    await there.apply(parse({ id: '5003@test.cc', serial: 30, acState: 'Acw' }), T).persisted
    changed.length = 0

    const found = await here.reconcile()
    expect(found.map((v) => v.id).sort()).toEqual(['5001@test.cc', '5003@test.cc'])
    expect(changed.sort()).toEqual(['5001@test.cc:Available', '5003@test.cc:Acw'])
    expect(here.get('test.cc', '5002@test.cc')).toMatchObject({
      serial: '20',
      acState: 'Available',
    })
    // Nothing new: a second pass changes nothing.
    changed.length = 0
    expect(await here.reconcile()).toEqual([])
    expect(changed).toEqual([])
  })
})
