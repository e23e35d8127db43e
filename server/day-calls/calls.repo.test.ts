import { afterEach, expect, it } from 'vitest'
import type { CallSummary } from '@/shared/floor'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { CallsRepo } from './calls.repo'

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
    startTime: 1_764_000_000_123,
    answerTime: 1_764_000_010_456,
    endTime: 1_764_000_100_789,
    queueSec: 2.673,
    talkSec: 90.333,
    endReason: 'CustomerHangup',
    hangupCause: 'NORMAL_CLEARING',
    hangupDevice: '13912345678',
    conferenced: true,
    transferred: false,
    orgTreePos: '1.1',
    ...changes,
  }
}

describeEachStore('stored calls', (kind) => {
  const stores: TestStore[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.dispose()
  })

  async function store() {
    const s = await openTestStore(kind)
    stores.push(s)
    const repo = new CallsRepo(s.db)
    // Each call in a transaction of its own, as the write batcher runs one.
    const insert = (summary: CallSummary, day: string, receivedAt: number) =>
      s.db.transaction().execute((trx) => repo.insert(trx, summary, day, receivedAt))
    return { repo, insert }
  }

  it('read back exactly as the relay summed them up, once per call', async () => {
    const { repo, insert } = await store()
    const full = call('c1')
    const sparse = call('c2', {
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
      endReason: null,
      hangupCause: null,
      hangupDevice: null,
      conferenced: null,
      transferred: null,
      orgTreePos: null,
    })
    const whole = call('c3', { queueSec: 0, talkSec: 12, conferenced: false, transferred: true })
    expect(await insert(full, '2026-03-02', 1)).toBe(true)
    expect(await insert(sparse, '2026-03-02', 2)).toBe(true)
    expect(await insert(whole, '2026-03-02', 3)).toBe(true)
    expect(await insert(full, '2026-03-02', 4)).toBe(false) // a retry

    expect(await repo.get('test.cc', 'c1')).toEqual(full)
    expect(await repo.get('test.cc', 'c2')).toEqual(sparse)
    expect(await repo.get('test.cc', 'c3')).toEqual(whole)
    expect(await repo.get('other.cc', 'c1')).toBeNull()
    expect(await repo.exists('test.cc', 'c3')).toBe(true)
    expect(await repo.exists('other.cc', 'c3')).toBe(false)
    // A page of CDRs: the calls the relay knows, of this tenant only.
    const known = await repo.getMany('test.cc', ['c3', 'c1', 'unknown', 'c1'])
    expect([...known.keys()].sort()).toEqual(['c1', 'c3'])
    expect(known.get('c3')).toEqual(whole)
    expect((await repo.getMany('other.cc', ['c1'])).size).toBe(0)
    // Oldest first; a call without an end time comes first.
    expect(await repo.listDay('2026-03-02')).toEqual([sparse, full, whole])
  })

  it('are pruned by the day they ended, keeping the days since', async () => {
    const { repo, insert } = await store()
    await insert(call('old'), '2026-01-31', 1)
    await insert(call('edge'), '2026-02-01', 1)
    await insert(call('new', { namespace: 'other.cc' }), '2026-03-02', 1)
    expect(await repo.prune('2026-02-01')).toBe(1)
    expect(await repo.get('test.cc', 'old')).toBeNull()
    expect((await repo.listDay('2026-02-01')).map((c) => c.callId)).toEqual(['edge'])
    expect((await repo.listDay('2026-03-02')).map((c) => c.callId)).toEqual(['new'])
  })
})
