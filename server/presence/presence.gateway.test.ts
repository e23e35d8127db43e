import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ActionRefused } from '@/shared/actions'
import type { AuditPage } from '@/shared/audit'
import type { AgentPresence, PresenceAnswer } from '@/shared/presence'
import { EVENT_BURST } from '../realtime/socket-limits'
import { FakePlatform } from '../testing/fake-platform'
import {
  type FloorClient,
  nextEvent,
  type Session,
  startTestRelay,
  type TestRelay,
} from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

const CALL = 'c0ffee00-0000-4000-8000-000000000001'
const T0 = Date.parse('2026-11-21T02:00:00Z') // 10:00 in Shanghai

let platform: FakePlatform
let relay: TestRelay
let clock = T0
let wang: Session
let li: Session

beforeEach(async () => {
  clock = T0
  platform = await new FakePlatform().start()
  platform.on((r) => {
    if (r.url === '/tpi/login' && r.method === 'POST')
      return { status: 200, body: { sessionId: 'session-1' } }
    if (r.url.startsWith('/csta/api/csta/')) return { status: 204 }
    return undefined
  })
  relay = await startTestRelay({
    now: () => clock,
    env: {
      WELLCLOUD_CSTA_URL: `${platform.url}/csta`,
      WELLCLOUD_CSTA_LOGIN_URL: `${platform.url}/tpi/login`,
      WELLCLOUD_CSTA_USERNAME: 'svc',
      WELLCLOUD_CSTA_PASSWORD: 'svc-secret',
      WELLCLOUD_TIMEOUT_MS: '500',
    },
  })
  await relay.createUser({ username: '王主管', role: 'supervisor' })
  await relay.createUser({ username: '李主管', role: 'supervisor' })
  await relay.createUser({ username: 'viewer', role: 'viewer' })
  // Sees department 1.2 only; the agents below are in 1.1.
  await relay.createUser({ username: 'elsewhere', role: 'supervisor', orgPrefix: '1.2' })
  wang = await relay.signIn('王主管')
  li = await relay.signIn('李主管')
  for (const s of [wang, li])
    await s.fetch('/api/me', { method: 'PATCH', json: { deviceId: '8099', phoneNumber: '8099' } })
  await relay.post(
    agentEvent({
      id: '5001@test.cc',
      acState: 'InboundTalking',
      callId: CALL,
      channelAddr: '8001@test.cc',
    }),
  )
  await relay.post(agentEvent({ id: '5002@test.cc', acState: 'Aux', channelAddr: '8002@test.cc' }))
})

afterEach(async () => {
  await relay.close()
  await platform.stop()
})

/** A screen signed in as `session`, once it has its floor and presence snapshots. */
async function screen(session: Session): Promise<FloorClient> {
  const client = relay.client(session)
  await nextEvent(client, 'presence:snapshot')
  return client
}

function ask(
  client: FloorClient,
  event: 'presence:claim' | 'presence:release' | 'presence:unsnooze',
  agentId: string,
): Promise<PresenceAnswer> {
  return new Promise((resolve) => client.emit(event, { agentId }, resolve))
}

function snooze(client: FloorClient, body: unknown): Promise<PresenceAnswer> {
  return new Promise((resolve) => client.emit('presence:snooze', body as never, resolve))
}

const onAgent = (agentId: string, test: (p: AgentPresence) => boolean) => (p: AgentPresence) =>
  p.agentId === agentId && test(p)

/** The next change that shows someone on the agent, as `client` hears it. */
const someoneOn = (client: FloorClient, agentId: string) =>
  nextEvent(
    client,
    'presence:changed',
    onAgent(agentId, (p) => p.entries.length > 0),
  )

/** The next change that shows nobody on the agent any more. */
const nobodyOn = (client: FloorClient, agentId: string) =>
  nextEvent(
    client,
    'presence:changed',
    onAgent(agentId, (p) => p.entries.length === 0),
  )

describe('who is on which agent', () => {
  it("shows one lead's claim to another lead, and its end when released", async () => {
    const a = await screen(wang)
    const b = await screen(li)
    const seen = someoneOn(b, '5002@test.cc')
    expect(await ask(a, 'presence:claim', '5002@test.cc')).toEqual({ ok: true })
    expect((await seen).entries).toEqual([{ by: '王主管', kind: 'claimed', since: T0 }])

    const gone = nobodyOn(b, '5002@test.cc')
    expect(await ask(a, 'presence:release', '5002@test.cc')).toEqual({ ok: true })
    await gone
  })

  it('sends who is on what to a screen that connects later, and audits the claim', async () => {
    const a = await screen(wang)
    await ask(a, 'presence:claim', '5002@test.cc')
    const late = relay.client(li)
    const snap = await nextEvent(late, 'presence:snapshot')
    expect(snap.agents).toEqual([
      {
        agentId: '5002@test.cc',
        entries: [{ by: '王主管', kind: 'claimed', since: T0 }],
        snooze: null,
      },
    ])
    await relay.createUser({ username: 'admin', role: 'admin' })
    const admin = await relay.signIn('admin')
    const audit = (await (await admin.fetch('/api/audit?op=claim')).json()) as AuditPage
    expect(audit.entries).toMatchObject([
      { username: '王主管', agentId: '5002@test.cc', op: 'claim', outcome: 'ok' },
    ])
  })

  it('shows a lead looking at an agent while the menu is open, and not after the screen closes', async () => {
    const a = await screen(wang)
    const b = await screen(li)
    const looking = someoneOn(b, '5001@test.cc')
    a.emit('presence:open-menu', { agentId: '5001@test.cc' })
    expect((await looking).entries).toEqual([{ by: '王主管', kind: 'looking', since: T0 }])
    const ended = nobodyOn(b, '5001@test.cc')
    a.disconnect()
    await ended
  })

  it('stops showing a menu left open after 5 minutes (its screen may be on a relay process that was lost)', async () => {
    const a = await screen(wang)
    const b = await screen(li)
    const looking = someoneOn(b, '5001@test.cc')
    a.emit('presence:open-menu', { agentId: '5001@test.cc' })
    await looking
    clock = T0 + 4 * 60_000
    relay.app.presence.sweep()
    const snap = await nextEvent(relay.client(li), 'presence:snapshot')
    expect(snap.agents).toMatchObject([{ agentId: '5001@test.cc', entries: [{ kind: 'looking' }] }])
    const ended = nobodyOn(b, '5001@test.cc')
    clock = T0 + 5 * 60_000
    relay.app.presence.sweep()
    await ended
  })

  it('refuses a viewer, and tells nothing to a lead whose scope does not hold the agent', async () => {
    await relay.signIn('viewer').then(async (viewer) => {
      const v = await screen(viewer)
      expect(await ask(v, 'presence:claim', '5002@test.cc')).toMatchObject({
        ok: false,
        error: 'forbidden',
      })
    })
    const outside = await screen(await relay.signIn('elsewhere'))
    const heard: AgentPresence[] = []
    outside.on('presence:changed', (p) => heard.push(p))
    // Out of its own scope, the other lead cannot claim the agent either.
    expect(await ask(outside, 'presence:claim', '5002@test.cc')).toMatchObject({
      ok: false,
      error: 'not_found',
    })
    const a = await screen(wang)
    const b = await screen(li)
    const seen = nextEvent(b, 'presence:changed')
    await ask(a, 'presence:claim', '5002@test.cc')
    await seen
    // A request after the claim: its answer comes after any announcement of the claim.
    await ask(outside, 'presence:release', '5002@test.cc')
    expect(heard).toEqual([])
  })

  it('validates a snooze, shows it with its reason, and ends it when its time is up', async () => {
    const a = await screen(wang)
    const b = await screen(li)
    expect(await snooze(a, { agentId: '5002@test.cc', minutes: 15, reason: '  ' })).toMatchObject({
      ok: false,
      error: 'invalid_request',
    })
    expect(
      await snooze(a, { agentId: '5002@test.cc', minutes: 7, reason: 'on a break' }),
    ).toMatchObject({ ok: false, error: 'invalid_request' })
    expect(
      await snooze(a, { agentId: '5002@test.cc', minutes: 15, reason: 'x'.repeat(81) }),
    ).toMatchObject({ ok: false, error: 'invalid_request' })

    const snoozed = nextEvent(
      b,
      'presence:changed',
      onAgent('5002@test.cc', (p) => p.snooze !== null),
    )
    expect(await snooze(a, { agentId: '5002@test.cc', minutes: 15, reason: '培训中' })).toEqual({
      ok: true,
    })
    expect((await snoozed).snooze).toEqual({
      by: '王主管',
      reason: '培训中',
      since: T0,
      until: T0 + 15 * 60_000,
    })

    // Not yet: a sweep before its time changes nothing.
    clock = T0 + 14 * 60_000
    relay.app.presence.sweep()
    const over = nextEvent(
      b,
      'presence:changed',
      onAgent('5002@test.cc', (p) => p.snooze === null),
    )
    clock = T0 + 15 * 60_000
    relay.app.presence.sweep()
    await over
    const again = relay.client(li)
    expect((await nextEvent(again, 'presence:snapshot')).agents).toEqual([])
  })

  it('ends a claim nobody released after 30 minutes, and when the agent logs out', async () => {
    const a = await screen(wang)
    const b = await screen(li)
    await ask(a, 'presence:claim', '5002@test.cc')
    // A state change alone does not end it: the lead is still on it.
    await relay.post(agentEvent({ id: '5002@test.cc', acState: 'Available' }))
    clock = T0 + 29 * 60_000
    relay.app.presence.sweep()
    const expired = nobodyOn(b, '5002@test.cc')
    clock = T0 + 30 * 60_000
    relay.app.presence.sweep()
    await expired

    const claimed = someoneOn(b, '5001@test.cc')
    await ask(a, 'presence:claim', '5001@test.cc')
    await claimed
    const loggedOut = nobodyOn(b, '5001@test.cc')
    await relay.post(agentEvent({ id: '5001@test.cc', acState: 'LogOut', callId: null }))
    await loggedOut
  })

  it('drops what a screen sends past its allowance', async () => {
    const a = await screen(wang)
    const answers: PresenceAnswer[] = []
    const all: Promise<void>[] = []
    for (let i = 0; i < EVENT_BURST + 10; i++) {
      all.push(
        Promise.race([
          ask(a, 'presence:claim', '5002@test.cc').then((x) => {
            answers.push(x)
          }),
          new Promise<void>((r) => setTimeout(r, 1_500)),
        ]),
      )
    }
    await Promise.all(all)
    expect(answers.length).toBeGreaterThan(0)
    expect(answers.length).toBeLessThanOrEqual(EVENT_BURST + 1)
  })

  /** 王主管 listens to agent 5001's call; resolves with what screen `b` then hears of 5001. */
  async function wangListensOn5001(b: Awaited<ReturnType<typeof screen>>) {
    const heard = someoneOn(b, '5001@test.cc')
    const listen = await wang.fetch('/api/agents/5001%40test.cc/actions/listen', {
      method: 'POST',
      json: {},
    })
    expect(listen.status).toBe(200)
    return heard
  }

  it('refuses a second lead barging into a call another is on, unless acknowledged, and ends both when the call ends', async () => {
    const b = await screen(li)
    const listening = wangListensOn5001(b)
    expect((await listening).entries).toEqual([{ by: '王主管', kind: 'listening', since: T0 }])

    const refused = await li.fetch('/api/agents/5001%40test.cc/actions/join', {
      method: 'POST',
      json: {},
    })
    expect(refused.status).toBe(409)
    const body = (await refused.json()) as ActionRefused
    expect(body.error).toBe('others_on_call')
    expect(body.others).toEqual([{ by: '王主管', kind: 'listening', since: T0 }])
    expect(body.messages.en).toContain('王主管 has been listening to this call since 10:00')
    // The lead who is listening may barge into their own call.
    expect(
      (await wang.fetch('/api/agents/5001%40test.cc/actions/join', { method: 'POST', json: {} }))
        .status,
    ).toBe(200)

    const acknowledged = await li.fetch('/api/agents/5001%40test.cc/actions/join', {
      method: 'POST',
      json: { acknowledgeOthers: true },
    })
    expect(acknowledged.status).toBe(200)

    const ended = nobodyOn(b, '5001@test.cc')
    await relay.post(agentEvent({ id: '5001@test.cc', acState: 'Acw', callId: null }))
    await ended
  })

  it('lets a second lead barge in without a warning once the first stopped listening', async () => {
    const b = await screen(li)
    await wangListensOn5001(b)

    const gone = nobodyOn(b, '5001@test.cc')
    const stop = await wang.fetch('/api/agents/5001%40test.cc/actions/stop-listen', {
      method: 'POST',
      json: {},
    })
    expect(stop.status).toBe(200)
    await gone
    const join = await li.fetch('/api/agents/5001%40test.cc/actions/join', {
      method: 'POST',
      json: {},
    })
    expect(join.status).toBe(200)
  })
})
