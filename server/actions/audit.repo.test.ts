import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { AuditRepo, type NewAuditEntry } from './audit.repo'

function entry(at: number, over: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    at,
    userId: 1,
    username: 'lead',
    namespace: 'test.cc',
    agentId: '5001@test.cc',
    deviceId: '8001@test.cc',
    callId: 'c-1',
    op: 'listen',
    reason: null,
    supervisorDevice: '8101@test.cc',
    outcome: 'ok',
    status: 200,
    upstreamStatus: 204,
    message: null,
    latencyMs: 42,
    ...over,
  }
}

const page = { limit: 100, offset: 0 }

describeEachStore('the audit log', (kind) => {
  let store: TestStore
  let audit: AuditRepo
  beforeEach(async () => {
    store = await openTestStore(kind)
    audit = new AuditRepo(store.db)
  })
  afterEach(async () => {
    await store.dispose()
  })

  it('keeps each entry as written and lists a tenant’s newest first', async () => {
    const first = await audit.insert(entry(1_000))
    const second = await audit.insert(
      entry(2_000, { op: 'take', outcome: 'failed', status: 502, message: 'upstream down' }),
    )
    await audit.insert(entry(3_000, { namespace: 'other.cc' }))
    expect(second).toBeGreaterThan(first)
    const { total, entries } = await audit.query('test.cc', page)
    expect(total).toBe(2)
    expect(entries).toEqual([
      {
        id: second,
        at: 2_000,
        username: 'lead',
        agentId: '5001@test.cc',
        deviceId: '8001@test.cc',
        callId: 'c-1',
        op: 'take',
        reason: null,
        supervisorDevice: '8101@test.cc',
        outcome: 'failed',
        status: 502,
        upstreamStatus: 204,
        message: 'upstream down',
        latencyMs: 42,
      },
      expect.objectContaining({ id: first, at: 1_000, op: 'listen' }),
    ])
  })

  it('filters by time, user, part of the agent in any case, operation and outcome', async () => {
    await audit.insert(entry(1_000, { agentId: '5001@test.cc', username: 'lead' }))
    await audit.insert(entry(2_000, { agentId: 'Wang-5002@test.cc', username: 'lead2' }))
    await audit.insert(entry(3_000, { agentId: '5003@test.cc', op: 'claim', outcome: 'refused' }))
    const agents = async (f: Parameters<AuditRepo['query']>[1]) =>
      (await audit.query('test.cc', f)).entries.map((e) => e.agentId)
    expect(await agents({ ...page, from: 2_000 })).toEqual(['5003@test.cc', 'Wang-5002@test.cc'])
    expect(await agents({ ...page, to: 2_000 })).toEqual(['5001@test.cc'])
    expect(await agents({ ...page, username: 'lead2' })).toEqual(['Wang-5002@test.cc'])
    expect(await agents({ ...page, agentId: 'wang' })).toEqual(['Wang-5002@test.cc'])
    expect(await agents({ ...page, agentId: '%500_' })).toEqual([
      '5003@test.cc',
      'Wang-5002@test.cc',
      '5001@test.cc',
    ])
    expect(await agents({ ...page, op: 'claim' })).toEqual(['5003@test.cc'])
    expect(await agents({ ...page, outcome: 'ok' })).toEqual(['Wang-5002@test.cc', '5001@test.cc'])
  })

  it('pages through the matches, counting them all', async () => {
    for (let i = 1; i <= 5; i++) await audit.insert(entry(i * 1_000, { agentId: `500${i}` }))
    const second = await audit.query('test.cc', { limit: 2, offset: 2 })
    expect(second.total).toBe(5)
    expect(second.entries.map((e) => e.agentId)).toEqual(['5003', '5002'])
  })

  it('forgets entries older than the retention, saying how many', async () => {
    await audit.insert(entry(1_000, { agentId: 'old' }))
    await audit.insert(entry(5_000, { agentId: 'new' }))
    expect(await audit.prune(5_000)).toBe(1)
    expect((await audit.query('test.cc', page)).entries.map((e) => e.agentId)).toEqual(['new'])
  })
})
