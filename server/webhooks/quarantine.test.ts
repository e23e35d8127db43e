import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { FloorSnapshot } from '@/shared/floor'
import type { QuarantinePage, ReplayAnswer } from '@/shared/webhook-quarantine'
import {
  callEndEvent,
  OTHER_TOKEN,
  type Session,
  startTestRelay,
  type TestRelay,
} from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

/*
 * The quarantine: a body the platform sent with a valid token that the relay could not apply is
 * answered 400 and kept, committed before the answer, for the admins of the token's tenant to
 * see and replay through the webhook's own path.
 */

const relays: TestRelay[] = []
afterEach(async () => {
  for (const r of relays.splice(0)) await r.close()
})

async function start(opts: Parameters<typeof startTestRelay>[0] = {}): Promise<TestRelay> {
  const relay = await startTestRelay(opts)
  relays.push(relay)
  return relay
}

async function adminOf(relay: TestRelay, namespace = 'test.cc'): Promise<Session> {
  const username = `admin-${namespace}`
  await relay.createUser({ username, role: 'admin', namespace })
  return relay.signIn(username)
}

async function listOf(session: Session, search = ''): Promise<QuarantinePage> {
  const res = await session.fetch(`/api/webhooks/quarantine${search}`)
  expect(res.status).toBe(200)
  return (await res.json()) as QuarantinePage
}

describe('the webhook quarantine', () => {
  it('keeps a body that cannot be applied, shows it to the token’s tenant’s admins only', async () => {
    const relay = await start()
    // A shape no rule accepts: skills as an object.
    const raw = JSON.stringify(agentEvent({ id: '5301@test.cc', skills: { a: 1 } }))
    const refused = await relay.post(null, { raw })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/^skills: /)

    const admin = await adminOf(relay)
    const page = await listOf(admin)
    expect(page).toMatchObject({ total: 1, pending: 1, dropped: 0 })
    expect(page.entries[0]).toMatchObject({
      eventName: 'agentStateEvent',
      status: 400,
      body: raw,
      bytes: Buffer.byteLength(raw),
      bodyKept: true,
      bodyTruncated: false,
      replayedAt: null,
    })
    expect(page.entries[0]!.reason).toMatch(/^skills: /)
    const health = (await (await admin.fetch('/api/health/details')).json()) as {
      quarantine: unknown
    }
    expect(health.quarantine).toEqual({ total: 1, pending: 1, dropped: 0 })

    // A supervisor, an admin of part of the tenant, another tenant's admin.
    expect((await relay.lead.fetch('/api/webhooks/quarantine')).status).toBe(403)
    await relay.createUser({ username: 'dept-admin', role: 'admin', orgPrefix: '1.1' })
    const dept = await relay.signIn('dept-admin')
    expect((await dept.fetch('/api/webhooks/quarantine')).status).toBe(403)
    const other = await adminOf(relay, 'other.cc')
    expect(await listOf(other)).toEqual({ total: 0, pending: 0, dropped: 0, entries: [] })
    const id = page.entries[0]!.id
    const replay = await other.fetch(`/api/webhooks/quarantine/${id}/replay`, { method: 'POST' })
    expect(replay.status).toBe(404)
    expect((await other.fetch(`/api/webhooks/quarantine/${id}/body`)).status).toBe(404)
  })

  it('keeps JSON it cannot read and events of the wrong shape, newest first; not unknown names', async () => {
    const relay = await start()
    await relay.post(null, { raw: '{"eventName": "agentSt' })
    await relay.post([agentEvent()])
    await relay.post(callEndEvent({ callId: 'c-bad', talkLength: 'long' }))
    expect((await relay.post({ eventName: 'queueStateEvent', x: 1 })).status).toBe(202)
    expect((await relay.post(null, { raw: '' })).status).toBe(400)
    // Another tenant's event on this token: refused, counted, not kept for this tenant.
    const foreign = await relay.post(agentEvent({ id: '5001@other.cc', namespace: 'other.cc' }))
    expect(foreign.status).toBe(403)

    const page = await listOf(await adminOf(relay))
    expect(page.entries.map((e) => [e.eventName, e.reason.split(':')[0]])).toEqual([
      ['callEnd', 'talkLength'],
      [null, '(body)'],
      [null, '(body)'],
    ])
    expect(page.entries[2]!.body).toBe('{"eventName": "agentSt')
    expect(page.entries[2]!.reason).toMatch(/not valid JSON/)
  })

  it('counts a refused body sent again (the platform retries a callEnd) on one entry', async () => {
    let now = Date.UTC(2026, 11, 1, 2, 0)
    const relay = await start({ now: () => now })
    const raw = JSON.stringify(callEndEvent({ callId: 'c-retried', relatedCalls: { a: 1 } }))
    for (let i = 0; i < 3; i += 1) {
      expect((await relay.post(null, { raw })).status).toBe(400)
      now += 60_000
    }
    await relay.post(agentEvent({ serial: 'ten' }))
    const page = await listOf(await adminOf(relay))
    expect(page.entries.map((e) => [e.eventName, e.times])).toEqual([
      ['agentStateEvent', 1],
      ['callEnd', 3],
    ])
    expect(page.entries[1]).toMatchObject({
      receivedAt: Date.UTC(2026, 11, 1, 2, 0),
      lastReceivedAt: Date.UTC(2026, 11, 1, 2, 2),
    })
    expect(page).toMatchObject({ total: 2, pending: 2, dropped: 0 })
  })

  it('commits the body before it answers: the entry is on disk at the answer and after a restart', async () => {
    const relay = await startTestRelay()
    const raw = JSON.stringify(callEndEvent({ callId: 'c-durable', resultCode: 'ok' }))
    expect((await relay.post(null, { raw })).status).toBe(400)
    // Another connection sees only committed transactions.
    const reader = new Database(path.join(relay.dataDir, 'console.db'), { readonly: true })
    const row = reader.prepare('SELECT body FROM webhook_quarantine').get() as { body: string }
    reader.close()
    expect(row.body).toBe(raw)
    await relay.close({ keepData: true })

    const again = await start({ dataDir: relay.dataDir })
    const page = await listOf(await adminOf(again))
    expect(page.entries.map((e) => e.body)).toEqual([raw])
    expect(page.entries[0]!.reason).toMatch(/^resultCode: /)
  })

  it('replays an entry: 400 with the reason while it still fails, applied once the relay can take it', async () => {
    let now = Date.UTC(2026, 10, 21, 2, 0) // 2026-11-21 10:00 in Shanghai
    const relay = await start({ now: () => now })
    // Two days ahead of the relay's clock: refused (a tile "from the future" would freeze).
    // The stateChangeTime alone would fall back to the timestamp: both are ahead.
    const ahead = '2026.11.23 10:00:00.000'
    const raw = JSON.stringify(
      agentEvent({ id: '5401@test.cc', acState: 'Aux', stateChangeTime: ahead, timestamp: ahead }),
    )
    expect((await relay.post(null, { raw })).status).toBe(400)
    let admin = await adminOf(relay)
    const [entry] = (await listOf(admin)).entries
    const replay = () =>
      admin.fetch(`/api/webhooks/quarantine/${entry!.id}/replay`, { method: 'POST' })

    const still = await replay()
    expect(still.status).toBe(400)
    expect(await still.json()).toEqual({
      error: 'invalid_event',
      message: expect.stringMatching(/^timestamp: expected a time from 2000-01-01/) as string,
      webhookStatus: 400,
    })
    const floorOf = async () =>
      ((await (await relay.lead.fetch('/api/floor')).json()) as FloorSnapshot).agents
    expect((await floorOf()).some((a) => a.id === '5401@test.cc')).toBe(false)

    // The relay's clock moves on: the same body is now within a day of it.
    now += 2 * 24 * 60 * 60 * 1000
    admin = await adminOf(relay) // the clock moved past the session's life
    relay.lead = await relay.signIn('lead')
    const applied = await replay()
    expect(applied.status).toBe(200)
    const answer = (await applied.json()) as ReplayAnswer
    expect(answer).toMatchObject({
      result: 'applied',
      entry: {
        id: entry!.id,
        replayedAt: now,
        replayedBy: 'admin-test.cc',
        replayResult: 'applied',
      },
    })
    expect((await floorOf()).find((a) => a.id === '5401@test.cc')).toMatchObject({
      acState: 'Aux',
      stateSince: Date.UTC(2026, 10, 23, 2, 0),
    })
    // Replayed entries stay listed, marked, and no longer count as waiting.
    const page = await listOf(admin)
    expect(page).toMatchObject({ total: 1, pending: 0 })
    expect(page.entries[0]!.replayedAt).toBe(now)
    expect((await replay()).status).toBe(409)
  })

  it('bounds each tenant’s quarantine: the oldest go first and are counted', async () => {
    const relay = await start({
      env: { WEBHOOK_QUARANTINE_MAX_ENTRIES: '3', WEBHOOK_QUARANTINE_MAX_MB: '1' },
    })
    const bad = (name: string) => agentEvent({ name, skills: { a: 1 } })
    await relay.post(bad('other-1'), { token: OTHER_TOKEN })
    for (const n of [1, 2, 3, 4, 5]) await relay.post(bad(`n${n}`))
    const admin = await adminOf(relay)
    const names = (p: QuarantinePage) =>
      p.entries.map((e) => (JSON.parse(e.body) as { name?: string; callId?: string }).name ?? '')
    let page = await listOf(admin)
    expect(names(page)).toEqual(['n5', 'n4', 'n3'])
    expect(page).toMatchObject({ total: 3, dropped: 2 })

    // Bytes: two bodies of 600 KB do not fit in 1 MB; the newest stays alone.
    const big = (callId: string) =>
      callEndEvent({ callId, talkLength: 'long', userData: { note: 'x'.repeat(600_000) } })
    expect((await relay.post(big('big-1'))).status).toBe(400)
    expect((await relay.post(big('big-2'))).status).toBe(400)
    page = await listOf(admin)
    expect(page.entries.map((e) => e.eventName)).toEqual(['callEnd'])
    expect(page.entries[0]!.body).toContain('"big-2"')
    // The list carries the start of a long body; the whole one downloads.
    expect(page.entries[0]!.bodyTruncated).toBe(true)
    const whole = await admin.fetch(`/api/webhooks/quarantine/${page.entries[0]!.id}/body`)
    expect(whole.headers.get('content-disposition')).toMatch(/^attachment/)
    expect(JSON.parse(await whole.text())).toMatchObject({ callId: 'big-2' })
    expect(page).toMatchObject({ total: 1, dropped: 2 + 1 + 3 })

    // The other tenant's entry was never pushed out by this one's.
    expect(names(await listOf(await adminOf(relay, 'other.cc')))).toEqual(['other-1'])
  })

  it('keeps a trace of a body too large to read, and a too-large event whole', async () => {
    const relay = await start()
    const huge = JSON.stringify(agentEvent({ name: 'x'.repeat(1024 * 1024 + 10) }))
    expect((await relay.post(null, { raw: huge })).status).toBe(413)
    const long = agentEvent({ id: '5501@test.cc', reason: 'y'.repeat(900), skills: [] })
    long.extra = 'z'.repeat(70 * 1024) // dropped by the schema, but counted in the size
    expect((await relay.post(long)).status).toBe(413)

    const admin = await adminOf(relay)
    const [event, trace] = (await listOf(admin)).entries
    expect(event).toMatchObject({ status: 413, eventName: 'agentStateEvent', bodyKept: true })
    expect(event!.reason).toMatch(/at most 65536 bytes/)
    expect(trace).toMatchObject({
      status: 413,
      eventName: null,
      body: '',
      bytes: Buffer.byteLength(huge),
      bodyKept: false,
    })
    const replay = await admin.fetch(`/api/webhooks/quarantine/${trace!.id}/replay`, {
      method: 'POST',
    })
    expect(replay.status).toBe(409)
  })
})
