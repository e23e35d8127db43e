import { afterEach, expect, it } from 'vitest'
import { QUARANTINE_LIST_BODY_CHARS } from '@/shared/webhook-quarantine'
import { WriteBatcher } from '../db/write-batcher'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import type { NewQuarantined } from './quarantine.repo'
import { QuarantineRepo } from './quarantine.repo'
import { WebhookQuarantine } from './quarantine.store'

/*
 * The quarantine's storage, alike on each engine: refused bodies kept once each while they
 * wait, each tenant's share bounded with what is dropped counted, a list that carries only the
 * start of a long body, replays recorded, old entries forgotten.
 */

const AT = Date.UTC(2026, 11, 1, 2, 0)

function refused(over: Partial<NewQuarantined> = {}): NewQuarantined {
  const body = over.body ?? '{"eventName":"callEnd","talkLength":"long"}'
  return {
    namespace: 'test.cc',
    receivedAt: AT,
    eventName: 'callEnd',
    status: 400,
    reason: 'talkLength: expected a number',
    body,
    bytes: Buffer.byteLength(body),
    bodyKept: true,
    ...over,
  }
}

describeEachStore('the webhook quarantine’s storage', (kind) => {
  let store: TestStore
  afterEach(() => store.dispose())

  async function open(limits = { maxEntries: 100, maxBytes: 1024 * 1024 }) {
    store = await openTestStore(kind)
    const repo = new QuarantineRepo(store.db)
    return { repo, quarantine: new WebhookQuarantine(repo, new WriteBatcher(store), limits) }
  }

  it('keeps a refused body whole, and counts the same body sent again on its entry', async () => {
    const { quarantine } = await open()
    await quarantine.keep(refused())
    await quarantine.keep(refused({ receivedAt: AT + 60_000, reason: 'talkLength: still wrong' }))
    const page = await quarantine.page('test.cc', 10, 0)
    expect(page).toMatchObject({ total: 1, pending: 1, dropped: 0 })
    expect(page.entries).toEqual([
      expect.objectContaining({
        eventName: 'callEnd',
        status: 400,
        body: refused().body,
        bytes: Buffer.byteLength(refused().body),
        bodyKept: true,
        bodyTruncated: false,
        times: 2,
        receivedAt: AT,
        lastReceivedAt: AT + 60_000,
        reason: 'talkLength: still wrong',
        replayedAt: null,
        replayedBy: null,
        replayResult: null,
      }),
    ])
    // Another tenant's entries and counts are its own.
    expect(await quarantine.page('other.cc', 10, 0)).toEqual({
      total: 0,
      pending: 0,
      dropped: 0,
      entries: [],
    })
  })

  it('keeps every trace of a body too large to read: none is the same as another', async () => {
    const { quarantine } = await open()
    const trace = refused({ body: '', bytes: null, bodyKept: false, status: 413, eventName: null })
    await quarantine.keep(trace)
    await quarantine.keep(trace)
    const page = await quarantine.page('test.cc', 10, 0)
    expect(page.entries.map((e) => [e.bodyKept, e.bytes, e.times])).toEqual([
      [false, null, 1],
      [false, null, 1],
    ])
  })

  it('drops the tenant’s oldest past its bounds, counts them, and keeps the newest alone', async () => {
    const { quarantine } = await open({ maxEntries: 2, maxBytes: 1000 })
    await quarantine.keep(refused({ namespace: 'other.cc', body: '{"n":"other"}' }))
    for (const n of [1, 2, 3]) await quarantine.keep(refused({ body: `{"n":${n}}` }))
    let page = await quarantine.page('test.cc', 10, 0)
    expect(page.entries.map((e) => e.body)).toEqual(['{"n":3}', '{"n":2}'])
    expect(page).toMatchObject({ total: 2, dropped: 1 })

    // Over the byte bound alone: it stays, and both before it go.
    await quarantine.keep(refused({ body: `{"n":"${'x'.repeat(2000)}"}` }))
    page = await quarantine.page('test.cc', 10, 0)
    expect(page.entries).toHaveLength(1)
    expect(page).toMatchObject({ total: 1, dropped: 3 })
    expect((await quarantine.page('other.cc', 10, 0)).entries.map((e) => e.body)).toEqual([
      '{"n":"other"}',
    ])
  })

  it('lists the start of a long body, cut where the whole body would be, in characters', async () => {
    const { quarantine } = await open()
    // Characters outside the BMP count once each, as the list's own cut counts them.
    const body = `{"note":"${'😀'.repeat(QUARANTINE_LIST_BODY_CHARS)}"}`
    await quarantine.keep(refused({ body }))
    const [entry] = (await quarantine.page('test.cc', 10, 0)).entries
    expect(entry!.bodyTruncated).toBe(true)
    expect([...entry!.body]).toHaveLength(QUARANTINE_LIST_BODY_CHARS)
    expect(body.startsWith(entry!.body)).toBe(true)
    // The whole body is there for its download.
    expect((await quarantine.get('test.cc', entry!.id))!.body).toBe(body)
    expect(await quarantine.get('other.cc', entry!.id)).toBeNull()
  })

  it('pages newest first', async () => {
    const { quarantine } = await open()
    for (const n of [1, 2, 3, 4]) await quarantine.keep(refused({ body: `{"n":${n}}` }))
    const bodies = async (limit: number, offset: number) =>
      (await quarantine.page('test.cc', limit, offset)).entries.map((e) => e.body)
    expect(await bodies(2, 0)).toEqual(['{"n":4}', '{"n":3}'])
    expect(await bodies(2, 2)).toEqual(['{"n":2}', '{"n":1}'])
  })

  it('records a replay and a newer reason; a replayed body sent again is a new entry', async () => {
    const { quarantine } = await open()
    await quarantine.keep(refused())
    let entry = (await quarantine.get(
      'test.cc',
      (await quarantine.page('test.cc', 1, 0)).entries[0]!.id,
    ))!
    await quarantine.setReason(entry, 'talkLength: wrong again')
    entry = (await quarantine.get('test.cc', entry.id))!
    expect(entry.reason).toBe('talkLength: wrong again')

    const replayed = await quarantine.markReplayed(entry, AT + 5, 'admin', 'applied')
    expect(replayed).toMatchObject({
      replayedAt: AT + 5,
      replayedBy: 'admin',
      replayResult: 'applied',
    })
    expect(await quarantine.get('test.cc', entry.id)).toMatchObject({
      replayedAt: AT + 5,
      replayedBy: 'admin',
      replayResult: 'applied',
    })
    expect(await quarantine.summary('test.cc')).toEqual({ total: 1, pending: 0, dropped: 0 })

    await quarantine.keep(refused())
    expect(await quarantine.summary('test.cc')).toEqual({ total: 2, pending: 1, dropped: 0 })
  })

  it('forgets entries received before a time', async () => {
    const { quarantine } = await open()
    await quarantine.keep(refused({ body: '{"old":1}', receivedAt: AT - 10 }))
    await quarantine.keep(refused({ body: '{"new":1}', receivedAt: AT }))
    expect(await quarantine.prune(AT)).toBe(1)
    expect((await quarantine.page('test.cc', 10, 0)).entries.map((e) => e.body)).toEqual([
      '{"new":1}',
    ])
  })
})
