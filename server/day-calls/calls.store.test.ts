import { afterEach, expect, it } from 'vitest'
import type { CallSummary } from '@/shared/floor'
import type { QueueRule } from '@/shared/settings'
import { callEndEventSchema } from '@/shared/webhooks'
import { WriteBatcher } from '../db/write-batcher'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { callEndEvent } from '../testing/test-relay'
import { CallsRepo } from './calls.repo'
import { CallsStore } from './calls.store'

const TZ = 'Asia/Shanghai'
const NOON = Date.UTC(2026, 10, 21, 4, 0) // 2026-11-21 12:00 in Shanghai
const HOUR = 3_600_000
const RULES: QueueRule = { slThresholdSec: 20, shortAbandonSec: 5, slTargetPct: 80 }

/** A callEnd as the webhook hands it over, ended at `end` (platform time). */
const callEnd = (callId: string, end: string) =>
  callEndEventSchema(TZ, () => NOON).parse(
    callEndEvent({ callId, endTime: end, timestamp: end, startTime: end, answerTime: end }),
  )

describeEachStore("today's calls", (kind) => {
  const stores: TestStore[] = []
  const batchers: WriteBatcher[] = []
  afterEach(async () => {
    for (const w of batchers.splice(0)) await w.flush()
    for (const s of stores.splice(0)) await s.dispose()
  })

  /** The calls of a relay started at `now` over `store` (a new one: a restart). */
  async function callsAt(store: TestStore, now: number, rule = () => RULES) {
    const announced: CallSummary[] = []
    const writes = new WriteBatcher(store)
    batchers.push(writes)
    const calls = new CallsStore(
      new CallsRepo(store.db),
      writes,
      () => () => rule(),
      TZ,
      now,
      (c) => announced.push(c),
    )
    await calls.load(now)
    return { calls, announced }
  }

  it('counts and stores a callEnd once however often it comes, also after a restart', async () => {
    const store = await openTestStore(kind)
    stores.push(store)
    const { calls, announced } = await callsAt(store, NOON)
    const today = callEnd('c-1', '2026.11.21 11:00:00.000')
    // The platform retries while the first delivery is still being written.
    const [first, retry] = await Promise.all([
      calls.ingest(today, NOON, null),
      calls.ingest(today, NOON, null),
    ])
    expect([first, retry]).toEqual(['applied', 'duplicate'])
    expect(await calls.ingest(today, NOON, null)).toBe('duplicate')
    // A call of yesterday: stored, not counted today.
    const yesterday = callEnd('c-0', '2026.11.20 23:00:00.000')
    expect(await calls.ingest(yesterday, NOON, null)).toBe('applied')
    expect(announced.map((c) => c.callId)).toEqual(['c-1'])
    expect(calls.figuresFor('test.cc').total).toMatchObject({ offered: 1, answered: 1 })

    const restarted = await callsAt(store, NOON + HOUR)
    expect(restarted.calls.figuresFor('test.cc').total).toMatchObject({ offered: 1, answered: 1 })
    expect(restarted.calls.latestFor('test.cc').map((c) => c.callId)).toEqual(['c-1'])
    expect(await restarted.calls.ingest(today, NOON + HOUR, null)).toBe('duplicate')
    expect(await restarted.calls.ingest(yesterday, NOON + HOUR, null)).toBe('duplicate')
    expect(restarted.calls.figuresFor('test.cc').total).toMatchObject({ offered: 1 })
  })

  it('counts the calls another process stored and did not pass on, once', async () => {
    const store = await openTestStore(kind)
    stores.push(store)
    const here = await callsAt(store, NOON)
    const there = await callsAt(store, NOON)
    await here.calls.ingest(callEnd('c-1', '2026.11.21 11:00:00.000'), NOON, null)
    await there.calls.ingest(callEnd('c-2', '2026.11.21 11:30:00.000'), NOON + 1_000, null)
    // Received long before the look-back: not looked for (the periodic pass looks back briefly).
    await there.calls.ingest(callEnd('c-0', '2026.11.21 10:00:00.000'), NOON - HOUR, null)
    // Yesterday's: stored, never counted today.
    await there.calls.ingest(callEnd('c-y', '2026.11.20 23:00:00.000'), NOON + 1_000, null)

    const found = await here.calls.reconcile(NOON + 2_000, NOON - 60_000)
    expect(found.map((c) => c.callId)).toEqual(['c-2'])
    expect(here.announced.map((c) => c.callId)).toEqual(['c-1', 'c-2'])
    expect(here.calls.figuresFor('test.cc').total).toMatchObject({ offered: 2 })
    expect(await here.calls.reconcile(NOON + 3_000, NOON - 60_000)).toEqual([])
    // A whole day's pass (after a gap in the feed) finds the older one too.
    expect((await here.calls.reconcile(NOON + 4_000, 0)).map((c) => c.callId)).toEqual(['c-0'])
    expect(here.calls.figuresFor('test.cc').total).toMatchObject({ offered: 3 })
  })

  it("counts a tenant's day again under new rules, and a call dated tomorrow once it begins", async () => {
    const store = await openTestStore(kind)
    stores.push(store)
    let slThresholdSec = 20
    const { calls } = await callsAt(store, NOON, () => ({ ...RULES, slThresholdSec }))
    // Queued 8.5 s (callEndEvent's queueLength).
    await calls.ingest(callEnd('c-1', '2026.11.21 11:00:00.000'), NOON, null)
    expect(calls.figuresFor('test.cc').total.serviceLevel).toBe(1)
    slThresholdSec = 5
    calls.reload('test.cc')
    expect(calls.figuresFor('test.cc').total).toMatchObject({ offered: 1, serviceLevel: 0 })

    // The platform's clock is ahead of the relay's at midnight.
    const tomorrow = callEnd('c-2', '2026.11.22 00:00:30.000')
    expect(await calls.ingest(tomorrow, NOON + 12 * HOUR - 60_000, null)).toBe('applied')
    expect(calls.figuresFor('test.cc').total.offered).toBe(1)
    expect(calls.rollover(NOON + 12 * HOUR)).toBe(true)
    expect(calls.figuresFor('test.cc').day).toBe('2026-11-22')
    expect(calls.figuresFor('test.cc').total.offered).toBe(1)
    expect(calls.latestFor('test.cc').map((c) => c.callId)).toEqual(['c-2'])
  })
})
