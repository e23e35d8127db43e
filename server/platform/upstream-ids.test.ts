import http from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecordingsRepo } from '../call-records/recordings.repo'
import { FakePlatform, gatewayEnv } from '../testing/fake-platform'
import { type Session, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

// Ids the relay puts in the platform's paths come from the browser (a call or recording id
// in the URL) or from the platform's webhooks (the call an agent is on). One that would bend
// the upstream path (`..` makes the URL climb a level, a `/` adds one) is refused with a 400
// naming it, and nothing is sent. A real relay against a fake platform that counts requests.
let platform: FakePlatform
let relay: TestRelay
let lead: Session

beforeEach(async () => {
  platform = await new FakePlatform().start()
  platform.on((r) => {
    if (r.url === '/accesstoken/apply') return { status: 200, body: { accessToken: 'tok-1' } }
    if (r.url === '/tpi/login') return { status: 200, body: { sessionId: 'session-1' } }
    if (r.url.startsWith('/csta/')) return { status: 204 }
    // Anything else is answered as if it were a call of the tenant's, so only the id check
    // stands between a bent id and the platform.
    return { status: 200, body: { callId: 'x', domain: 'test.cc' } }
  })
  relay = await startTestRelay({
    env: {
      ...gatewayEnv(platform.url),
      WELLCLOUD_CSTA_URL: `${platform.url}/csta`,
      WELLCLOUD_CSTA_LOGIN_URL: `${platform.url}/tpi/login`,
      WELLCLOUD_CSTA_USERNAME: 'svc',
      WELLCLOUD_CSTA_PASSWORD: 'svc-password',
    },
  })
  lead = relay.lead
})

afterEach(async () => {
  await relay.close()
  await platform.stop()
})

/**
 * A request with the path sent exactly as written: fetch would resolve `..`, and `%2E%2E` with
 * it, before sending.
 */
function rawRequest(
  path: string,
  method = 'GET',
): Promise<{ status: number; body: { message?: string } }> {
  const url = new URL(relay.url)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrf },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text += c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { message?: string } }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

// Dot segments, plain or encoded, are resolved as steps of the path before routing (as a
// browser resolves them), so they never reach an id's route at all.
const DOT_SEGMENTS = ['%2E%2E', '..', '%2e', '.'] as const

// As they appear in the request's path; the router decodes them (`%2F` becomes `/`).
const BAD_IDS = [
  ['a%2Fb', 'must not contain "/"'],
  ['a%5Cb', 'must not contain "\\"'],
  ['a%2500b', 'must not contain "%"'],
  ['a%00b', 'must not contain U+0000'],
  ['x'.repeat(257), 'at most 256 characters'],
] as const

describe('an id bound for an upstream path', () => {
  it.each([
    ['callId', 'one CDR', (id: string) => `/api/calls/${id}`],
    ['callId', "a call's recordings", (id: string) => `/api/calls/${id}/recordings`],
    ['callId', "a call's audio", (id: string) => `/api/calls/${id}/audio`],
    ['recordingId', 'a recording', (id: string) => `/api/recordings/${id}/audio`],
    ['recordingId', "a recording's peaks", (id: string) => `/api/recordings/${id}/peaks`],
  ])('is refused with a 400 naming %s, nothing sent: %s', async (field, _, route) => {
    // Known to the relay, as if listed for a call: only the id check can stop it.
    await new RecordingsRepo(relay.store.db).remember(
      'test.cc',
      ['..', '.', 'a/b', 'a\\b', 'a%00b', 'a\u0000b', 'x'.repeat(257)].map((id) => ({
        id,
        callId: 'x',
      })),
      Date.now(),
    )
    for (const [id, problem] of BAD_IDS) {
      const res = await rawRequest(route(id))
      expect(res.status, route(id)).toBe(400)
      expect(res.body.message, route(id)).toBe(`${field}: ${problem}`)
    }
    expect(platform.requests).toEqual([])
  })

  it.each([
    ['one CDR', (id: string) => `/api/calls/${id}`],
    ["a call's recordings", (id: string) => `/api/calls/${id}/recordings`],
    ["a call's audio", (id: string) => `/api/calls/${id}/audio`],
    ['a recording', (id: string) => `/api/recordings/${id}/audio`],
    ['an action', (id: string) => `/api/agents/${id}/actions/drop`],
  ])('a dot segment in place of an id is a step of the path, never an id: %s', async (_, route) => {
    for (const id of DOT_SEGMENTS) {
      const res = await rawRequest(route(id), route(id).endsWith('/drop') ? 'POST' : 'GET')
      expect(res.status, route(id)).toBeLessThan(500)
      expect(res.body.message ?? '', route(id)).not.toMatch(/"\.\.?"/)
    }
    // Whatever the resolved path reached, nothing with a dot step went to the platform.
    for (const r of platform.requests) expect(r.url).not.toMatch(/\/\.\.?(\/|\?|$)/)
  })

  it('up to 256 characters of an ordinary id still goes through', async () => {
    const id = `${'c'.repeat(250)}@x.cc`
    await rawRequest(`/api/calls/${id}`)
    expect(platform.requests.map((r) => r.url)).toContain(
      `/api/cdr/2.0/calls/open/call/${encodeURIComponent(id)}`,
    )
  })

  it("is refused from the platform's webhook too: a call id of '..' is never put in a CSTA path", async () => {
    await relay.post(
      agentEvent({
        id: '5001@test.cc',
        acState: 'InboundTalking',
        callId: '..',
        channelAddr: '8001@test.cc',
      }),
    )
    const res = await lead.fetch(`/api/agents/${encodeURIComponent('5001@test.cc')}/actions/drop`, {
      method: 'POST',
    })
    // Should the webhook itself come to refuse such an id, the agent is unknown: 404.
    expect([400, 404]).toContain(res.status)
    if (res.status === 400)
      expect(await res.json()).toMatchObject({
        ok: false,
        error: 'invalid_request',
        message: 'callId: must not be ".."; nothing was sent to the platform',
      })
    expect(platform.requests.filter((r) => r.url.startsWith('/csta/'))).toEqual([])
  })

  it('is refused as an agent id in the action URL', async () => {
    for (const [id, problem] of BAD_IDS) {
      const res = await rawRequest(`/api/agents/${id}/actions/drop`, 'POST')
      expect(res.status, id).toBe(400)
      expect(res.body.message, id).toBe(`agentId: ${problem}`)
    }
    expect(platform.requests).toEqual([])
  })
})
