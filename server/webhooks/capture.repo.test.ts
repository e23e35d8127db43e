import { afterEach, expect, it } from 'vitest'
import { WriteBatcher } from '../db/write-batcher'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { type CapturedWebhook, CaptureRepo, type StoredCapture } from './capture.repo'
import { WebhookCapture } from './capture.store'

/*
 * Captured webhooks, alike on each engine: kept exactly as sent, read back for an export by
 * time range and tenant in the order the relay took them, and forgotten after their days.
 */

const AT = Date.UTC(2026, 11, 1, 2, 0)

function webhook(over: Partial<CapturedWebhook> = {}): CapturedWebhook {
  const body = over.body ?? '{\n  "eventName": "agentStateEvent"\n}'
  return {
    namespace: 'test.cc',
    receivedAt: AT,
    status: 200,
    body,
    bytes: Buffer.byteLength(body),
    bodyKept: true,
    ...over,
  }
}

describeEachStore('captured webhooks’ storage', (kind) => {
  let store: TestStore
  afterEach(() => store.dispose())

  async function capturing(): Promise<{
    repo: CaptureRepo
    record: (c: CapturedWebhook) => Promise<void>
  }> {
    store = await openTestStore(kind)
    const repo = new CaptureRepo(store.db)
    const writes = new WriteBatcher(store)
    const errors: unknown[] = []
    const capture = new WebhookCapture(repo, writes, (err) => errors.push(err))
    return {
      repo,
      // Capture is not awaited by the webhook; the batch it went into is.
      async record(c) {
        capture.record(c)
        await writes.flush()
        expect(errors).toEqual([])
      },
    }
  }

  async function all(iterable: AsyncIterable<StoredCapture>): Promise<StoredCapture[]> {
    const out: StoredCapture[] = []
    for await (const c of iterable) out.push(c)
    return out
  }

  it('keeps each webhook as sent and reads a range back in arrival order', async () => {
    const { repo, record } = await capturing()
    await record(webhook({ receivedAt: AT - 1, body: '{"n":0}' }))
    await record(webhook())
    await record(webhook({ receivedAt: AT + 1, status: 400, body: '{"n":"ten"}' }))
    await record(webhook({ receivedAt: AT + 2, namespace: 'other.cc', body: '{"n":2}' }))
    await record(
      webhook({ receivedAt: AT + 3, status: 413, body: '', bytes: null, bodyKept: false }),
    )
    expect(await repo.count()).toBe(5)

    const range = await all(repo.range(AT, AT + 3, null))
    expect(range.map((c) => [c.namespace, c.status, c.body])).toEqual([
      ['test.cc', 200, webhook().body],
      ['test.cc', 400, '{"n":"ten"}'],
      ['other.cc', 200, '{"n":2}'],
    ])
    expect(range[0]).toEqual({ ...webhook(), id: expect.any(Number) as number })
    expect(range.map((c) => c.id)).toEqual([...range.map((c) => c.id)].sort((a, b) => a - b))

    const ours = await all(repo.range(0, Number.MAX_SAFE_INTEGER, 'test.cc'))
    expect(ours.map((c) => c.receivedAt)).toEqual([AT - 1, AT, AT + 1, AT + 3])
    expect(ours[3]).toMatchObject({ body: '', bytes: null, bodyKept: false })
  })

  it('reads a range longer than one page of the database, every webhook once', async () => {
    const { repo } = await capturing()
    const writes = new WriteBatcher(store)
    const n = 1234
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        writes.write((trx) =>
          repo.insert(trx, webhook({ receivedAt: AT + i, body: `{"i":${i}}` })),
        ),
      ),
    )
    const read = await all(repo.range(AT, AT + n, 'test.cc'))
    expect(read.map((c) => c.body)).toEqual(Array.from({ length: n }, (_, i) => `{"i":${i}}`))
  })

  it('forgets what was received before a time', async () => {
    const { repo, record } = await capturing()
    await record(webhook({ receivedAt: AT - 10 }))
    await record(webhook({ receivedAt: AT }))
    expect(await repo.prune(AT)).toBe(1)
    expect(
      (await all(repo.range(0, Number.MAX_SAFE_INTEGER, null))).map((c) => c.receivedAt),
    ).toEqual([AT])
  })
})
