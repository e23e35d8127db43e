import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditPage } from '@/shared/audit'
import type { FloorSnapshot } from '@/shared/floor'
import {
  doubleCallAnswerSchema,
  recentActivitiesSchema,
  RECENT_ACTIVITIES_MAX,
  rosterRefusalSchema,
  rosterUploadSchema,
  rosterUploadsSchema,
} from '@/shared/outbound'
import { agentEvent } from '../testing/agent-event'
import { FakePlatform, type Recorded, gatewayEnv } from '../testing/fake-platform'
import { callEndEvent, type Session, startTestRelay, type TestRelay } from '../testing/test-relay'
import { OutboundService } from './outbound.service'

// The relay on port 0 against a recording fake of the platform: what goes upstream, exactly,
// and what the console answers and audits.
let platform: FakePlatform
let relay: TestRelay
let lead: Session
let admin: Session
let tokens = 0

const TOKEN_PATH = '/accesstoken/apply'

beforeEach(async () => {
  tokens = 0
  platform = await new FakePlatform().start()
  platform.on((r) => {
    if (r.url === TOKEN_PATH) {
      tokens += 1
      return { status: 200, body: { accessToken: `tok-${tokens}` } }
    }
    if (r.url === '/api/ext/v2/calls/uc') return { status: 200, body: { callId: 'cb-1' } }
    if (r.url === '/api/ocm/instant/smart')
      return { status: 200, body: { result: 'success', reason: null } }
    if (r.url.startsWith('/api/ros/2.0/batches'))
      return {
        status: 201,
        body: { data: { alias: null, batchId: 'b-1', batchName: 'p1-1764979200' }, hasData: false },
      }
    return undefined
  })
  relay = await startTestRelay({
    env: {
      ...gatewayEnv(platform.url),
      WELLCLOUD_TIMEOUT_MS: '2000',
      WELLCLOUD_OUTBOUND_PREFIX: '9',
      WELLCLOUD_TENANT_ID: 'tenant-1',
    },
  })
  lead = relay.lead
  await relay.createUser({ username: 'root', role: 'admin' })
  admin = await relay.signIn('root')
  await lead.fetch('/api/me', { method: 'PATCH', json: { deviceId: '8099' } })
  // One agent of department 1.1 on 8001, one of 2.1 on 8002 (bare, as channelAddr may come).
  await relay.post(agentEvent({ id: '5001@test.cc', channelAddr: '8001@test.cc' }))
  await relay.post(
    agentEvent({ id: '5002@test.cc', channelAddr: '8002', orgTreePos: '2.1', orgId: 'org-2' }),
  )
})

afterEach(async () => {
  await relay.close()
  await platform.stop()
})

/** Requests to the platform other than the token's. */
const upstream = () => platform.requests.filter((r) => r.url !== TOKEN_PATH)

const post = (s: Session, path: string, json: unknown) => s.fetch(path, { method: 'POST', json })

async function audit(op: string): Promise<AuditPage['entries']> {
  const res = await admin.fetch(`/api/audit?op=${op}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as AuditPage).entries
}

function expectJson(r: Recorded, path: string, body: unknown, token = 'tok-1') {
  expect(r.method).toBe('POST')
  expect(r.url).toBe(path)
  expect(r.headers.wellcloud_token).toBe(token)
  expect(r.headers['content-type']).toBe('application/json; charset=UTF-8')
  expect(JSON.parse(r.body)).toEqual(body)
}

/** Signs a wall screen in through a link an admin minted. */
async function kioskSession(): Promise<Session> {
  const minted = await admin.fetch('/api/kiosks', { method: 'POST', json: { name: '大厅' } })
  const { path } = (await minted.json()) as { path: string }
  const res = await fetch(`${relay.url}${path}`, { redirect: 'manual' })
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!)
  const cookie = cookies.join('; ')
  const csrf = cookies.find((c) => c.startsWith('csrf='))!.slice('csrf='.length)
  return {
    cookie,
    csrf,
    fetch: (p, init = {}) => {
      const { json, ...rest } = init
      return fetch(`${relay.url}${p}`, {
        ...rest,
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      })
    },
  }
}

describe('call back (double call)', () => {
  it('rings the lead’s own extension with the tenant’s domain and the default prefix, and audits it', async () => {
    const res = await post(lead, '/api/double-calls', {
      customerPhone: '13912345678',
      userData: { Id: '142459' },
      options: { cpa: true, displayOrigin: '4008100001' },
      forCallId: 'abandoned-7',
    })
    expect(res.status).toBe(200)
    expect(doubleCallAnswerSchema.parse(await res.json())).toEqual({
      callId: 'cb-1',
      deviceId: '8099@test.cc',
      prefix: '9',
    })
    const [sent] = upstream()
    expectJson(sent!, '/api/ext/v2/calls/uc', {
      deviceId: '8099@test.cc',
      prefix: '9',
      customerPhone: '13912345678',
      userData: { Id: '142459' },
      options: { displayOrigin: '4008100001', cpa: 'true' },
    })
    expect(upstream()).toHaveLength(1)
    const [entry] = await audit('call-back')
    expect(entry).toMatchObject({
      username: 'lead',
      agentId: '13912345678',
      deviceId: '8099@test.cc',
      supervisorDevice: '8099@test.cc',
      callId: 'cb-1',
      reason: 'abandoned-7',
      outcome: 'ok',
      status: 200,
    })
  })

  it('rings an agent’s extension in scope (adding the domain to a bare one), with the prefix asked', async () => {
    const res = await post(lead, '/api/double-calls', {
      customerPhone: '+8613912345678',
      deviceId: '8002',
      prefix: '0',
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(upstream()[0]!.body)).toEqual({
      deviceId: '8002@test.cc',
      prefix: '0',
      customerPhone: '+8613912345678',
    })
  })

  it('marks the abandoned caller as being called back by the lead, and names the customer on the agent’s tile while the platform’s events do not', async () => {
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    await relay.post(
      callEndEvent({
        callId: 'abandoned-1',
        ani: '13900000001',
        customerPhone: '13900000001',
        agentId: null,
        deviceId: null,
        startTime: iso(now - 60_000),
        answerTime: null,
        endTime: iso(now - 10_000),
        talkLength: 0,
        queueLength: 50,
        endReason: 'QueueAbandon',
      }),
    )
    const floor = async () => (await (await lead.fetch('/api/floor')).json()) as FloorSnapshot
    const waiting = async () => (await floor()).callBacks?.waiting ?? []
    expect((await waiting()).map((w) => [w.phone, w.callingBack])).toEqual([['13900000001', null]])

    // The call back rings agent 5001 first (the fake platform answers callId cb-1).
    const res = await post(lead, '/api/double-calls', {
      customerPhone: '13900000001',
      deviceId: '8001',
      forCallId: 'abandoned-1',
    })
    expect(res.status).toBe(200)
    const [row] = await waiting()
    expect(row?.callingBack).toMatchObject({ by: 'lead', callId: 'cb-1' })

    // The platform's ring event has the call but no number: the tile shows the customer anyway.
    await relay.post(
      agentEvent({
        id: '5001@test.cc',
        channelAddr: '8001@test.cc',
        acState: 'ManualRinging',
        callId: 'cb-1',
      }),
    )
    const agent = (await floor()).agents.find((a) => a.id === '5001@test.cc')
    expect(agent?.customerNumber).toBe('13900000001')
  })

  it('tells the abandoned-callers list of a call back placed', async () => {
    // The hook is the integrator's to wire: checked on the service itself.
    const told: unknown[] = []
    const service = new OutboundService({
      platform: {
        postJson: async () => ({ ok: true, data: { callId: 'cb-9' } }),
        postMultipart: async () => ({ ok: true, data: null }),
      },
      agents: { list: () => [] },
      audit: { insert: () => 1 } as never,
      repo: { settings: () => null } as never,
      now: () => 1,
      defaultPrefix: '9',
      tenantId: null,
      onCallBack: (...args) => told.push(args),
    })
    const p = {
      kind: 'user',
      id: 1,
      username: 'lead',
      role: 'supervisor',
      scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
      deviceId: '8099',
      phoneNumber: null,
      sessionId: 's',
      csrf: 'c',
    } as const
    await service.doubleCall(p, { customerPhone: '13900000001' })
    expect(told).toEqual([['test.cc', '13900000001', 'cb-9', 'lead']])
  })

  it('refuses an extension of another domain (400), one outside the lead’s scope (403), and a lead without an extension (409): nothing upstream, all audited', async () => {
    await relay.createUser({ username: 'dept2', role: 'supervisor', orgPrefix: '2' })
    const dept2 = await relay.signIn('dept2')
    const other = await post(lead, '/api/double-calls', {
      customerPhone: '13912345678',
      deviceId: '8001@other.cc',
    })
    expect(other.status).toBe(400)
    expect(await other.json()).toMatchObject({ error: 'invalid_request' })

    const outside = await post(dept2, '/api/double-calls', {
      customerPhone: '13912345678',
      deviceId: '8001',
    })
    expect(outside.status).toBe(403)
    const refused = (await outside.json()) as { error: string; messages: { zh: string } }
    expect(refused.error).toBe('forbidden')
    expect(refused.messages.zh).toContain('8001@test.cc')

    const unknown = await post(lead, '/api/double-calls', {
      customerPhone: '13912345678',
      deviceId: '8777',
    })
    expect(unknown.status).toBe(403)

    const noProfile = await post(dept2, '/api/double-calls', { customerPhone: '13912345678' })
    expect(noProfile.status).toBe(409)
    expect(await noProfile.json()).toMatchObject({
      error: 'profile_incomplete',
      field: 'deviceId',
    })

    // dept2 may ring its own agent's extension.
    const own = await post(dept2, '/api/double-calls', {
      customerPhone: '13912345678',
      deviceId: '8002@test.cc',
    })
    expect(own.status).toBe(200)

    expect(upstream()).toHaveLength(1)
    const entries = await audit('call-back')
    expect(entries.map((e) => [e.username, e.outcome, e.status])).toEqual([
      ['dept2', 'ok', 200],
      ['dept2', 'refused', 409],
      ['lead', 'refused', 403],
      ['dept2', 'refused', 403],
      ['lead', 'refused', 400],
    ])
  })

  it('refuses bad phone numbers naming the field, with nothing sent upstream, and audits them', async () => {
    for (const customerPhone of ['12', '139-1234-5678', '1'.repeat(21), '']) {
      const res = await post(lead, '/api/double-calls', { customerPhone })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { message: string }).message).toContain('customerPhone')
    }
    const bind = await post(lead, '/api/double-calls', {
      customerPhone: '13912345678',
      options: { bindPhone: 'abc' },
    })
    expect(bind.status).toBe(400)
    expect(((await bind.json()) as { message: string }).message).toContain('bindPhone')
    expect(upstream()).toEqual([])
    const entries = await audit('call-back')
    expect(entries).toHaveLength(5)
    expect(entries.every((e) => e.outcome === 'refused' && e.status === 400)).toBe(true)
  })

  it.each([
    [14001, 400, 'outbound_no_device', 'outbound.noDevice'],
    [14002, 400, 'outbound_no_customer_phone', 'outbound.noCustomerPhone'],
    [14005, 400, 'outbound_device_without_domain', 'outbound.deviceWithoutDomain'],
    [12008, 503, 'outbound_no_cms', 'outbound.noCms'],
  ])('words the platform’s %i as %i %s', async (code, status, error, message) => {
    platform.on((r) =>
      r.url === '/api/ext/v2/calls/uc'
        ? {
            status: 200,
            body: {
              instanceId: 'ext-1',
              errorCode: code,
              errorMessage: `平台原文 ${code}`,
              exceptionName: 'X',
            },
          }
        : undefined,
    )
    const res = await post(lead, '/api/double-calls', { customerPhone: '13912345678' })
    expect(res.status).toBe(status)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      error,
      platformCode: code,
      platformMessage: `平台原文 ${code}`,
      messages: { code: message },
    })
    const [entry] = await audit('call-back')
    expect(entry).toMatchObject({ outcome: 'failed', status, upstreamStatus: 200 })
  })

  it('tells a code the seed does not list for call backs as a bare code, not in the call records’ words', async () => {
    platform.on((r) =>
      r.url === '/api/ext/v2/calls/uc'
        ? { status: 200, body: { errorCode: 14003, errorMessage: '未知' } }
        : undefined,
    )
    const res = await post(lead, '/api/double-calls', { customerPhone: '13912345678' })
    expect(res.status).toBe(502)
    expect(await res.json()).toMatchObject({
      error: 'upstream',
      platformCode: 14003,
      platformMessage: '未知',
      messages: { code: 'platform.code', params: { code: 14003 } },
    })
  })

  it('gets a new token once when the platform refuses it, and sends the same body again', async () => {
    platform.on((r) =>
      r.url === '/api/ext/v2/calls/uc' && r.headers.wellcloud_token === 'tok-1'
        ? { status: 200, body: { errorCode: 401, errorMessage: 'token expired' } }
        : undefined,
    )
    const res = await post(lead, '/api/double-calls', { customerPhone: '13912345678' })
    expect(res.status).toBe(200)
    const [first, second] = upstream()
    expect(second!.headers.wellcloud_token).toBe('tok-2')
    expect(second!.body).toBe(first!.body)
  })
})

describe('instant outbound', () => {
  const body = {
    activityId: 'act-1',
    rosterId: 'r-1',
    callee: '13912345678',
    caller: '8001',
  }

  it('sends the seed’s body with the user’s domain and the configured tenant, and remembers the campaign', async () => {
    const res = await post(lead, '/api/outbound/instant', body)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ result: 'success', reason: null })
    expectJson(upstream()[0]!, '/api/ocm/instant/smart', {
      activityId: 'act-1',
      callee: '13912345678',
      caller: '8001',
      data: {},
      domain: 'test.cc',
      rosterId: 'r-1',
      tenantId: 'tenant-1',
    })
    await post(lead, '/api/outbound/instant', {
      ...body,
      activityId: 'act-2',
      tenantId: 'tenant-9',
      id: 'x-1',
      data: { k: 'v' },
    })
    expect(JSON.parse(upstream()[1]!.body)).toEqual({
      activityId: 'act-2',
      callee: '13912345678',
      caller: '8001',
      data: { k: 'v' },
      domain: 'test.cc',
      id: 'x-1',
      rosterId: 'r-1',
      tenantId: 'tenant-9',
    })
    await post(lead, '/api/outbound/instant', body)
    const recent = recentActivitiesSchema.parse(
      await (await lead.fetch('/api/outbound/recent-activities')).json(),
    )
    expect(recent.activityIds).toEqual(['act-1', 'act-2'])
    const [entry] = await audit('instant-outbound')
    expect(entry).toMatchObject({
      agentId: '13912345678',
      deviceId: '8001',
      outcome: 'ok',
      status: 200,
    })
  })

  it('keeps at most RECENT_ACTIVITIES_MAX campaigns, newest first', async () => {
    let t = 1_000
    await relay.close()
    relay = await startTestRelay({
      now: () => (t += 1000),
      env: {
        ...gatewayEnv(platform.url),
        WELLCLOUD_TENANT_ID: 'tenant-1',
      },
    })
    for (let i = 0; i < RECENT_ACTIVITIES_MAX + 2; i++) {
      const res = await post(relay.lead, '/api/outbound/instant', { ...body, activityId: `a${i}` })
      expect(res.status).toBe(200)
    }
    const recent = recentActivitiesSchema.parse(
      await (await relay.lead.fetch('/api/outbound/recent-activities')).json(),
    )
    expect(recent.activityIds).toHaveLength(RECENT_ACTIVITIES_MAX)
    expect(recent.activityIds[0]).toBe(`a${RECENT_ACTIVITIES_MAX + 1}`)
  })

  it('answers a result other than success as a refusal with the platform’s reason, and a malformed answer as 502', async () => {
    platform.on((r) =>
      r.url === '/api/ocm/instant/smart'
        ? { status: 200, body: { result: 'fail', reason: '活动未启动' } }
        : undefined,
    )
    const res = await post(lead, '/api/outbound/instant', body)
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({
      error: 'outbound_refused',
      result: 'fail',
      reason: '活动未启动',
      messages: { code: 'outbound.instantRefused', params: { reason: '活动未启动' } },
    })
    platform.on((r) =>
      r.url === '/api/ocm/instant/smart' ? { status: 200, body: { ok: true } } : undefined,
    )
    const bad = await post(lead, '/api/outbound/instant', body)
    expect(bad.status).toBe(502)
    expect(await bad.json()).toMatchObject({ error: 'upstream' })
    const recent = recentActivitiesSchema.parse(
      await (await lead.fetch('/api/outbound/recent-activities')).json(),
    )
    expect(recent).toEqual({ activityIds: [] })
    const entries = await audit('instant-outbound')
    expect(entries.map((e) => [e.outcome, e.status])).toEqual([
      ['failed', 502],
      ['failed', 409],
    ])
  })

  it('refuses bad numbers, a caller of another domain, and a missing tenant id before anything goes upstream', async () => {
    const callee = await post(lead, '/api/outbound/instant', { ...body, callee: '1391234567x' })
    expect(callee.status).toBe(400)
    expect(((await callee.json()) as { message: string }).message).toContain('callee')
    const caller = await post(lead, '/api/outbound/instant', { ...body, caller: '8001@other.cc' })
    expect(caller.status).toBe(400)
    expect(upstream()).toEqual([])

    await relay.close()
    relay = await startTestRelay({
      env: {
        ...gatewayEnv(platform.url),
      },
    })
    const noTenant = await post(relay.lead, '/api/outbound/instant', body)
    expect(noTenant.status).toBe(409)
    expect(await noTenant.json()).toMatchObject({
      error: 'not_configured',
      setting: 'WELLCLOUD_TENANT_ID',
    })
    expect(upstream()).toEqual([])
  })
})

describe('call lists', () => {
  const LIST = 'r1,p1,13900000001,c1,k:v|a:b\r\nr2,p1,13900000002\r\nr3,p1,13900000001\r\n'

  function upload(s: Session, text: string | Uint8Array, name = 'roster.txt', query = '') {
    const form = new FormData()
    form.append('file', new Blob([typeof text === 'string' ? text : new Uint8Array(text)]), name)
    return s.fetch(`/api/outbound/rosters${query}`, { method: 'POST', body: form })
  }

  async function sentFile(r: Recorded): Promise<File> {
    const form = await new Response(new Uint8Array(r.bytes), {
      headers: { 'content-type': r.headers['content-type']! },
    }).formData()
    expect([...form.keys()]).toEqual(['file'])
    return form.get('file') as File
  }

  it('sends the file’s bytes unchanged with its name, the seed’s query names, and keeps the upload', async () => {
    // A byte-order mark and CRLF line ends go as they came.
    const bytes = new TextEncoder().encode(`\uFEFF${LIST}`)
    const res = await upload(lead, bytes, '名单.CSV', '?templateId=tpl-1&alias=催收包-2021')
    expect(res.status).toBe(201)
    const answer = rosterUploadSchema.parse(await res.json())
    expect(answer).toMatchObject({
      batchId: 'b-1',
      batchName: 'p1-1764979200',
      alias: '催收包-2021',
      templateId: 'tpl-1',
      fileName: '名单.CSV',
      entries: 3,
      duplicatesDropped: 0,
      username: 'lead',
    })
    const [sent] = upstream()
    expect(sent!.method).toBe('POST')
    expect(sent!.url).toBe(
      `/api/ros/2.0/batches?alias=${encodeURIComponent('催收包-2021')}&templateId=tpl-1`,
    )
    expect(sent!.headers.wellcloud_token).toBe('tok-1')
    expect(sent!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    const file = await sentFile(sent!)
    expect(file.name).toBe('名单.CSV')
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true)

    const list = rosterUploadsSchema.parse(await (await lead.fetch('/api/outbound/rosters')).json())
    expect(list.uploads).toEqual([answer])
    const [entry] = await audit('roster-upload')
    expect(entry).toMatchObject({
      agentId: '名单.CSV',
      callId: 'b-1',
      outcome: 'ok',
      status: 201,
    })
  })

  it('omits an empty query and drops repeated numbers when asked', async () => {
    const res = await upload(lead, LIST, 'roster.txt', '?dropDuplicates=true')
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ entries: 2, duplicatesDropped: 1 })
    const [sent] = upstream()
    expect(sent!.url).toBe('/api/ros/2.0/batches')
    const file = await sentFile(sent!)
    expect(await file.text()).toBe('r1,p1,13900000001,c1,k:v|a:b\r\nr2,p1,13900000002\r\n')
  })

  it('refuses a file with bad lines naming each, with nothing sent upstream, and audits it', async () => {
    const text = 'r1,p1,13900000001\nr2，p1，139\n,p1,13900000002\nr4,p1,12\nr5,p1,13900000001\n'
    const res = await upload(lead, text)
    expect(res.status).toBe(400)
    const refusal = rosterRefusalSchema.parse(await res.json())
    expect(refusal.badCount).toBe(3)
    expect(refusal.bad.map((b) => [b.line, b.problem])).toEqual([
      [2, 'fullwidthComma'],
      [3, 'emptyRosterId'],
      [4, 'number'],
    ])
    expect(refusal.duplicates).toEqual([{ number: '13900000001', lines: [1, 5] }])
    expect(upstream()).toEqual([])
    const [entry] = await audit('roster-upload')
    expect(entry).toMatchObject({ agentId: 'roster.txt', outcome: 'refused', status: 400 })
  })

  it('lists at most the first bad lines, with the count of all', async () => {
    const text = Array.from({ length: 150 }, (_, i) => `r${i},p1,bad`).join('\n')
    const refusal = rosterRefusalSchema.parse(await (await upload(lead, text)).json())
    expect(refusal.bad).toHaveLength(100)
    expect(refusal.badCount).toBe(150)
  })

  it('refuses another file type, an empty list, no file, not multipart, and a file over 10 MB', async () => {
    expect((await upload(lead, LIST, 'roster.xlsx')).status).toBe(400)
    expect((await upload(lead, LIST, 'roster')).status).toBe(400)
    expect((await upload(lead, '\n\n')).status).toBe(400)
    const empty = new FormData()
    empty.append('alias', 'x')
    const noFile = await lead.fetch('/api/outbound/rosters', { method: 'POST', body: empty })
    expect(noFile.status).toBe(400)
    const json = await post(lead, '/api/outbound/rosters', { file: LIST })
    expect(json.status).toBe(415)
    const line = 'r1,p1,13900000001\n'
    const big = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length) + 1)
    const tooBig = await upload(lead, big)
    expect(tooBig.status).toBe(413)
    expect(await tooBig.json()).toMatchObject({ error: 'too_large' })
    expect(upstream()).toEqual([])
  })

  it.each([
    [400, 400, 'roster_bad_request', 'roster.badRequest'],
    [404, 404, 'roster_not_found', 'roster.notFound'],
    [500, 502, 'roster_server_error', 'roster.serverError'],
  ])('words the platform’s HTTP %i as %i %s', async (httpStatus, status, error, code) => {
    platform.on((r) =>
      r.url.startsWith('/api/ros/2.0/batches')
        ? { status: httpStatus, body: { message: `平台原文 ${httpStatus}` } }
        : undefined,
    )
    const res = await upload(lead, LIST, 'roster.txt', '?templateId=tpl-x')
    expect(res.status).toBe(status)
    expect(await res.json()).toMatchObject({
      error,
      messages: { code },
      platformMessage: `平台原文 ${httpStatus}`,
    })
    const [entry] = await audit('roster-upload')
    expect(entry).toMatchObject({ outcome: 'failed', status, upstreamStatus: httpStatus })
  })

  it('sends the same file again with a new token when the platform refuses the first', async () => {
    platform.on((r) =>
      r.url.startsWith('/api/ros/2.0/batches') && r.headers.wellcloud_token === 'tok-1'
        ? { status: 401, body: { errorCode: 401 } }
        : undefined,
    )
    const res = await upload(lead, LIST)
    expect(res.status).toBe(201)
    const [first, second] = upstream()
    expect(second!.headers.wellcloud_token).toBe('tok-2')
    expect(await (await sentFile(second!)).text()).toBe(await (await sentFile(first!)).text())
  })
})

describe('platform failures of any service', () => {
  it('refuses a redirect to another host (nothing sent there) and answers a slow platform 504', async () => {
    const elsewhere = await new FakePlatform().start()
    try {
      platform.on((r) =>
        r.url === '/api/ext/v2/calls/uc'
          ? { status: 307, headers: { location: `${elsewhere.url}/api/ext/v2/calls/uc` } }
          : undefined,
      )
      const res = await post(lead, '/api/double-calls', { customerPhone: '13912345678' })
      expect(res.status).toBe(502)
      expect(await res.json()).toMatchObject({ error: 'upstream_redirect' })
      expect(elsewhere.requests).toEqual([])
    } finally {
      await elsewhere.stop()
    }
    platform.on((r) =>
      r.url === '/api/ocm/instant/smart'
        ? { status: 200, body: { result: 'success', reason: null }, delayMs: 3000 }
        : undefined,
    )
    const slow = await post(lead, '/api/outbound/instant', {
      activityId: 'a',
      rosterId: 'r',
      callee: '13912345678',
      caller: '8001',
    })
    expect(slow.status).toBe(504)
    expect(await slow.json()).toMatchObject({ error: 'upstream_timeout' })
  })
})

describe('who may call out', () => {
  it('refuses viewers (audited) and wall screens, 403, with nothing upstream', async () => {
    await relay.createUser({ username: 'watcher', role: 'viewer' })
    const viewer = await relay.signIn('watcher')
    const kiosk = await kioskSession()
    for (const s of [viewer, kiosk]) {
      expect((await post(s, '/api/double-calls', { customerPhone: '13912345678' })).status).toBe(
        403,
      )
      expect(
        (
          await post(s, '/api/outbound/instant', {
            activityId: 'a',
            rosterId: 'r',
            callee: '13912345678',
            caller: '8001',
          })
        ).status,
      ).toBe(403)
      const form = new FormData()
      form.append('file', new Blob(['r1,p1,13900000001\n']), 'roster.txt')
      const up = await s.fetch('/api/outbound/rosters', {
        method: 'POST',
        body: form,
        headers: { 'x-csrf-token': s.csrf },
      })
      expect(up.status).toBe(403)
      for (const path of [
        '/api/outbound/rosters',
        '/api/outbound/settings',
        '/api/outbound/recent-activities',
      ])
        expect((await s.fetch(path)).status).toBe(403)
    }
    expect(upstream()).toEqual([])
    const refused = [
      ...(await audit('call-back')),
      ...(await audit('instant-outbound')),
      ...(await audit('roster-upload')),
    ]
    expect(refused.map((e) => [e.username, e.outcome, e.status])).toEqual([
      ['watcher', 'refused', 403],
      ['watcher', 'refused', 403],
      ['watcher', 'refused', 403],
    ])
  })

  it('refuses a mutation without the CSRF header', async () => {
    const res = await lead.fetch('/api/double-calls', {
      method: 'POST',
      json: { customerPhone: '13912345678' },
      csrf: false,
    })
    expect(res.status).toBe(403)
    expect(upstream()).toEqual([])
  })
})

describe('outbound settings', () => {
  it('starts from WELLCLOUD_OUTBOUND_PREFIX; an admin changes it (audited), and call backs use it', async () => {
    expect(await (await lead.fetch('/api/outbound/settings')).json()).toEqual({ prefix: '9' })
    const put = (s: Session, json: unknown) =>
      s.fetch('/api/outbound/settings', { method: 'PUT', json })
    expect((await put(lead, { prefix: '0' })).status).toBe(403)
    expect((await put(admin, { prefix: '9x' })).status).toBe(400)
    const res = await put(admin, { prefix: '0' })
    expect(res.status).toBe(200)
    expect(await (await lead.fetch('/api/outbound/settings')).json()).toEqual({ prefix: '0' })
    const [entry] = await audit('outbound-settings')
    expect(entry).toMatchObject({ username: 'root', message: 'prefix: 9 → 0', outcome: 'ok' })
    await post(lead, '/api/double-calls', { customerPhone: '13912345678' })
    expect(JSON.parse(upstream()[0]!.body)).toMatchObject({ prefix: '0' })
  })
})
