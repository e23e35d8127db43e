import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ActionRefused } from '@/shared/actions'
import type { AuditPage } from '@/shared/audit'
import type { FloorSnapshot } from '@/shared/floor'
import { FakePlatform, type Recorded } from '../testing/fake-platform'
import { OTHER_TOKEN, type Session, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

let platform: FakePlatform
let relay: TestRelay
let lead: Session
let sessions = 0

const CALL = '6aee1dda-d4a2-4d3c-8fab-df7782a6c10f'

beforeEach(async () => {
  sessions = 0
  platform = await new FakePlatform().start()
  platform.on((r) => {
    if (r.url === '/tpi/login' && r.method === 'POST') {
      sessions += 1
      return { status: 200, body: { sessionId: `session-${sessions}` } }
    }
    if (r.url.startsWith('/csta/api/csta/')) return { status: 204 }
    return undefined
  })
  relay = await startTestRelay({
    env: {
      WELLCLOUD_CSTA_URL: `${platform.url}/csta`,
      WELLCLOUD_CSTA_LOGIN_URL: `${platform.url}/tpi/login`,
      WELLCLOUD_CSTA_USERNAME: 'svc',
      WELLCLOUD_CSTA_PASSWORD: 'svc-secret',
      WELLCLOUD_TIMEOUT_MS: '500',
    },
  })
  lead = relay.lead
  await lead.fetch('/api/me', {
    method: 'PATCH',
    json: { deviceId: '8099', phoneNumber: '13900000000' },
  })
  // One agent on a call, one ready, one logged out.
  await relay.post(
    agentEvent({
      id: '5001@test.cc',
      serial: 1,
      acState: 'InboundTalking',
      callId: CALL,
      channelAddr: '8001@test.cc',
    }),
  )
  await relay.post(
    agentEvent({
      id: '5002@test.cc',
      serial: 2,
      acState: 'Available',
      channelAddr: '8002@test.cc',
    }),
  )
  await relay.post(
    agentEvent({ id: '5003@test.cc', serial: 3, acState: 'LogOut', channelAddr: null }),
  )
  await relay.post(
    agentEvent({ id: '5004@test.cc', serial: 4, acState: 'Aux', channelAddr: '8004@test.cc' }),
  )
})

afterEach(async () => {
  await relay.close()
  await platform.stop()
})

const act = (s: Session, agentId: string, op: string, body?: unknown) =>
  s.fetch(`/api/agents/${encodeURIComponent(agentId)}/actions/${op}`, {
    method: 'POST',
    ...(body === undefined ? {} : { json: body }),
  })

const csta = () => platform.requests.filter((r) => r.url.startsWith('/csta/'))

function expectJsonRequest(r: Recorded, method: string, url: string, body: unknown) {
  expect(r.method).toBe(method)
  expect(r.url).toBe(url)
  expect(r.headers.sessionid).toMatch(/^session-\d+$/)
  expect(r.headers['content-type']).toBe('application/json; charset=UTF-8')
  if (body === null) expect(r.body).toBe('')
  else expect(JSON.parse(r.body)).toEqual(body)
}

describe('each operation sends exactly the SDK request', () => {
  it('logs in with the service account, form-encoded, once', async () => {
    expect((await act(lead, '5001@test.cc', 'listen')).status).toBe(200)
    const login = platform.requests.find((r) => r.url === '/tpi/login')!
    expect(login.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(login.body))).toEqual({
      username: 'svc',
      password: 'svc-secret',
      namespace: 'test.cc',
    })
    await act(lead, '5001@test.cc', 'drop')
    expect(platform.requests.filter((r) => r.url === '/tpi/login')).toHaveLength(1)
  })

  it.each([
    [
      'drop',
      'DELETE',
      `/csta/api/csta/callControl/calls/${CALL}/connections/8001@test.cc%7C${CALL}`,
      null,
    ],
    [
      'join',
      'POST',
      `/csta/api/csta/callControl/calls/${CALL}/connections/8001@test.cc%7C${CALL}/singleStepConference`,
      { conferenceParticipant: '13900000000', participationType: 'Active' },
    ],
    [
      'take',
      'POST',
      `/csta/api/csta/callControl/calls/${CALL}/connections/8001@test.cc%7C${CALL}/singleStepTransfer`,
      { transferTo: '13900000000' },
    ],
    [
      'listen',
      'POST',
      `/csta/api/csta/callControl/calls/${CALL}/spy?deviceId=8099%40test.cc`,
      null,
    ],
  ])('%s on the agent in a call', async (op, method, url, body) => {
    const res = await act(lead, '5001@test.cc', op)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, op, upstreamStatus: 204 })
    expect(csta()).toHaveLength(1)
    expectJsonRequest(csta()[0]!, method, url, body)
  })

  it.each([
    [
      'ready',
      '5004@test.cc',
      {
        func: 'SetState',
        agentMode: 'Ready',
        loginId: '5004@test.cc',
        agentId: '5004@test.cc',
        device: '8004@test.cc',
      },
    ],
    [
      'not-ready',
      '5002@test.cc',
      {
        func: 'SetState',
        agentMode: 'NotReady',
        loginId: '5002@test.cc',
        agentId: '5002@test.cc',
        device: '8002@test.cc',
      },
    ],
    [
      'logout',
      '5002@test.cc',
      {
        namespace: 'test.cc',
        func: 'Logout',
        device: '8002@test.cc',
        agentId: '5002@test.cc',
        loginId: '5002@test.cc',
      },
    ],
  ])('%s', async (op, agentId, body) => {
    const res = await act(lead, agentId, op, { reason: '培训' })
    expect(res.status).toBe(200)
    expectJsonRequest(csta()[0]!, 'POST', '/csta/api/csta/agent/state', body)
  })

  it('gives a bare channelAddr the tenant’s domain, and refuses one that is no device id', async () => {
    await relay.post(
      agentEvent({
        id: '5006@test.cc',
        serial: 6,
        acState: 'InboundTalking',
        callId: CALL,
        channelAddr: '8006',
      }),
    )
    expect((await act(lead, '5006@test.cc', 'drop')).status).toBe(200)
    expect(csta()[0]!.url).toBe(
      `/csta/api/csta/callControl/calls/${CALL}/connections/8006@test.cc%7C${CALL}`,
    )
    await relay.post(
      agentEvent({ id: '5007@test.cc', serial: 7, acState: 'Aux', channelAddr: '8007@' }),
    )
    const refused = await act(lead, '5007@test.cc', 'ready')
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as ActionRefused).message).toMatch(/^deviceId: /)
    expect(csta()).toHaveLength(1)
  })
})

describe('the CSTA session', () => {
  it('logs in again once on 401 and retries once', async () => {
    await act(lead, '5001@test.cc', 'listen')
    let refused = 0
    platform.on((r) =>
      r.headers.sessionid === 'session-1' && r.url.startsWith('/csta/')
        ? (refused++, { status: 401 })
        : undefined,
    )
    const res = await act(lead, '5001@test.cc', 'listen')
    expect(res.status).toBe(200)
    expect(refused).toBe(1)
    expect(csta().map((r) => r.headers.sessionid)).toEqual(['session-1', 'session-1', 'session-2'])
  })

  it('gives up after the retry when the platform still says 401, with a clear message', async () => {
    platform.on((r) => (r.url.startsWith('/csta/') ? { status: 401 } : undefined))
    const res = await act(lead, '5001@test.cc', 'drop')
    expect(res.status).toBe(502)
    const body = (await res.json()) as ActionRefused
    expect(body.messages.zh).toContain('服务账号')
    expect(csta()).toHaveLength(2)
  })

  it('lets concurrent actions share one login', async () => {
    const answers = await Promise.all([
      act(lead, '5001@test.cc', 'listen'),
      act(lead, '5002@test.cc', 'not-ready'),
      act(lead, '5004@test.cc', 'ready'),
    ])
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(platform.requests.filter((r) => r.url === '/tpi/login')).toHaveLength(1)
  })

  it('reports a refused service account', async () => {
    platform.on((r) => (r.url === '/tpi/login' ? { status: 401 } : undefined))
    const res = await act(lead, '5001@test.cc', 'listen')
    expect(res.status).toBe(502)
    expect(((await res.json()) as ActionRefused).messages.en).toMatch(/service account/)
  })
})

describe('refusals before anything goes upstream', () => {
  it.each([
    ['drop', '5002@test.cc', /not in a call \(available\)/],
    ['listen', '5004@test.cc', /not in a call \(not ready\)/],
    ['take', '5003@test.cc', /not in a call/],
    ['ready', '5003@test.cc', /logged out/],
    ['not-ready', '5003@test.cc', /logged out/],
    ['logout', '5003@test.cc', /logged out/],
    ['ready', '5002@test.cc', /already ready/],
    ['not-ready', '5004@test.cc', /already not ready/],
  ])('%s on %s: 409', async (op, agentId, message) => {
    const res = await act(lead, agentId, op)
    expect(res.status).toBe(409)
    const body = (await res.json()) as ActionRefused
    expect(body.error).toBe('conflict')
    expect(body.message).toMatch(message)
    expect(body.messages.zh.length).toBeGreaterThan(0)
    expect(csta()).toHaveLength(0)
  })

  it('409 naming the profile field when the supervisor has no extension or number', async () => {
    await lead.fetch('/api/me', { method: 'PATCH', json: { deviceId: null, phoneNumber: null } })
    const listen = (await (await act(lead, '5001@test.cc', 'listen')).json()) as ActionRefused
    expect(listen).toMatchObject({ error: 'profile_incomplete', field: 'deviceId' })
    const take = (await (await act(lead, '5001@test.cc', 'take')).json()) as ActionRefused
    expect(take).toMatchObject({ error: 'profile_incomplete', field: 'phoneNumber' })
    expect(csta()).toHaveLength(0)
  })

  it("403 for a viewer, 404 for another tenant's agent or a department outside the scope", async () => {
    await relay.createUser({ username: 'watcher', role: 'viewer' })
    const viewer = await relay.signIn('watcher')
    const refused = await act(viewer, '5001@test.cc', 'drop')
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as ActionRefused).message).toBe(
      'your role (viewer) may not act on agents',
    )

    const other = await relay.post(
      agentEvent({
        id: '5001@other.cc',
        namespace: 'other.cc',
        serial: 9,
        acState: 'InboundTalking',
        callId: 'x',
        channelAddr: '8001@other.cc',
      }),
      { token: OTHER_TOKEN },
    )
    expect(other.status).toBe(200)
    expect((await act(lead, '5001@other.cc', 'drop')).status).toBe(404)
    await relay.createUser({ username: 'lead-12', role: 'supervisor', orgPrefix: '1.2' })
    expect((await act(await relay.signIn('lead-12'), '5001@test.cc', 'drop')).status).toBe(404)
    expect(csta()).toHaveLength(0)
  })

  it('400 for an unknown operation or a reason too long; CSRF still applies', async () => {
    expect((await act(lead, '5001@test.cc', 'explode')).status).toBe(400)
    expect((await act(lead, '5002@test.cc', 'not-ready', { reason: 'x'.repeat(201) })).status).toBe(
      400,
    )
    const noCsrf = await lead.fetch('/api/agents/5001@test.cc/actions/drop', {
      method: 'POST',
      csrf: false,
    })
    expect(noCsrf.status).toBe(403)
    expect(csta()).toHaveLength(0)
  })
})

describe('platform answers', () => {
  it('turns 456 into a 409 with the meaning in both languages', async () => {
    platform.on((r) =>
      r.url.includes('/connections/')
        ? { status: 456, body: { errorCode: 456, errorMessage: 'illegal device state' } }
        : undefined,
    )
    const res = await act(lead, '5001@test.cc', 'drop')
    expect(res.status).toBe(409)
    const body = (await res.json()) as ActionRefused
    expect(body.upstreamStatus).toBe(456)
    expect(body.messages).toEqual({
      code: 'csta.deviceState', // worded by the console's own messages
      zh: expect.stringContaining('设备状态') as string,
      en: expect.stringContaining('device is not in a state') as string,
    })
  })

  it('turns a 500 and a timeout into 502 with a message', async () => {
    platform.on((r) => (r.url.includes('singleStepTransfer') ? { status: 500 } : undefined))
    const failed = (await (await act(lead, '5001@test.cc', 'take')).json()) as ActionRefused
    expect(failed.messages.en).toMatch(/platform failed \(500\)/)
    platform.on((r) => (r.url.includes('/spy') ? { status: 204, delayMs: 2_000 } : undefined))
    const slow = await act(lead, '5001@test.cc', 'listen')
    expect(slow.status).toBe(502)
    expect(((await slow.json()) as ActionRefused).messages.en).toMatch(/did not answer in time/)
  })
})

describe('the audit log', () => {
  it('records every attempt, refused and failed ones too, and survives a restart', async () => {
    const sent = Date.now()
    await act(lead, '5001@test.cc', 'listen')
    const listenSpanMs = Date.now() - sent
    await act(lead, '5003@test.cc', 'ready')
    await act(lead, '5002@test.cc', 'not-ready', { reason: '团队会议' })
    await relay.createUser({ username: 'root', role: 'admin' })
    const admin = await relay.signIn('root')
    const page = (await (await admin.fetch('/api/audit')).json()) as AuditPage
    expect(page.total).toBe(3)
    expect(page.entries.map((e) => [e.op, e.outcome, e.status])).toEqual([
      ['not-ready', 'ok', 200],
      ['ready', 'refused', 409],
      ['listen', 'ok', 200],
    ])
    const listen = page.entries[2]!
    expect(listen).toMatchObject({
      username: 'lead',
      agentId: '5001@test.cc',
      deviceId: '8001@test.cc',
      callId: CALL,
      supervisorDevice: '8099@test.cc',
      upstreamStatus: 204,
    })
    // The platform's part of the request: a whole number of ms within the span the test saw.
    expect(Number.isInteger(listen.latencyMs)).toBe(true)
    expect(listen.latencyMs).toBeGreaterThanOrEqual(0)
    expect(listen.latencyMs).toBeLessThanOrEqual(listenSpanMs)
    expect(page.entries[0]!.reason).toBe('团队会议')

    const filtered = (await (await admin.fetch('/api/audit?outcome=refused')).json()) as AuditPage
    expect(filtered.entries.map((e) => e.op)).toEqual(['ready'])
    const csv = await admin.fetch('/api/audit.csv?op=not-ready')
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="audit-.*\.csv"/)
    const text = await csv.text()
    // Worded as the audit page words it: Chinese unless English is asked for.
    expect(text.split('\r\n')[0]).toContain('时间,操作人,操作,坐席/对象')
    expect(text).toContain('团队会议')
    expect(text).toContain('强制离席')
    expect(text.trim().split('\r\n')).toHaveLength(2)
    const english = await (await admin.fetch('/api/audit.csv?op=not-ready&lang=en')).text()
    expect(english.split('\r\n')[0]).toContain('Time,User,Operation,Agent or target')
    expect(english).toContain('Set not ready')
    // Platform time, as the screen shows it: yyyy-MM-dd HH:mm:ss, not ISO UTC.
    expect(english.split('\r\n')[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,/)
    expect((await lead.fetch('/api/audit')).status).toBe(403)

    const dataDir = relay.dataDir
    await relay.close({ keepData: true })
    relay = await startTestRelay({ dataDir })
    await relay.createUser({ username: 'root', role: 'admin' })
    const again = (await (
      await (await relay.signIn('root')).fetch('/api/audit')
    ).json()) as AuditPage
    expect(again.total).toBe(3)
  })

  it('shows on the floor who listens to a call, until the call changes', async () => {
    await act(lead, '5001@test.cc', 'listen')
    const floor = (await (await lead.fetch('/api/floor')).json()) as FloorSnapshot
    expect(floor.agents.find((a) => a.id === '5001@test.cc')?.monitors).toEqual([
      { by: 'lead', op: 'listen', since: expect.any(Number) as number },
    ])
    await relay.post(
      agentEvent({
        id: '5001@test.cc',
        serial: 20,
        acState: 'Acw',
        callId: null,
        channelAddr: '8001@test.cc',
      }),
    )
    const after = (await (await lead.fetch('/api/floor')).json()) as FloorSnapshot
    expect(after.agents.find((a) => a.id === '5001@test.cc')?.monitors).toBeUndefined()
  })
})

describe('the supervisor profile', () => {
  it('keeps the extension and number, and refuses malformed ones', async () => {
    const me = (await (await lead.fetch('/api/me')).json()) as Record<string, unknown>
    expect(me).toMatchObject({ deviceId: '8099', phoneNumber: '13900000000' })
    const bad = await lead.fetch('/api/me', { method: 'PATCH', json: { phoneNumber: 'call me' } })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/^phoneNumber: /)
  })
})
