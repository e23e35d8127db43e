import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakePlatform, type Recorded, gatewayEnv } from '../testing/fake-platform'
import { type Session, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

// A real relay against a fake platform that answers some requests with a redirect to a second
// real server on another port (another origin). That server records everything it receives:
// the relay must send it nothing, least of all the token, the CSTA session or a password.
let platform: FakePlatform
let elsewhere: FakePlatform
let relay: TestRelay
let lead: Session

const CALL = '6aee1dda-d4a2-4d3c-8fab-df7782a6c10f'
const REC = '31a3f631-ed66-4713-86b2-c8d75ef4a4c7'
const CDR = `/api/cdr/2.0/calls/open/call/${CALL}`
const RECORDINGS = `/api/cdr/2.0/recordings/open/call/${CALL}`
const REC_STREAM = `/api/cdr/2.0/recordings/open/recording/${REC}/stream`
const CALL_STREAM = `/api/cdr/2.0/recordings/open/call/${CALL}/stream`
const LIST = '/api/cdr/2.0/calls/open'

const pathOf = (r: Recorded) => r.url.split('?')[0]!
const sentTo = (path: string) => platform.requests.filter((r) => pathOf(r) === path)

/** `status` to the same path on the other server, for requests to `path`. */
function redirectElsewhere(path: string, status = 302) {
  platform.on((r) =>
    pathOf(r) === path
      ? { status, headers: { location: `${elsewhere.url}${r.url.replace(/^\/csta/, '')}` } }
      : undefined,
  )
}

beforeEach(async () => {
  elsewhere = await new FakePlatform().start()
  // Were it asked, it would answer like a platform, so the relay would have no reason to fail.
  elsewhere.on(() => ({
    status: 200,
    body: { accessToken: 'from-elsewhere', sessionId: 'from-elsewhere', callId: CALL },
  }))
  platform = await new FakePlatform().start()
  platform.on((r) => {
    const path = pathOf(r)
    if (path === '/accesstoken/apply') return { status: 200, body: { accessToken: 'tok-1' } }
    if (path === '/tpi/login') return { status: 200, body: { sessionId: 'session-1' } }
    if (path.startsWith('/csta/api/csta/')) return { status: 204 }
    if (path === LIST) return { status: 200, body: { total: 1, list: [{ callId: CALL }] } }
    if (path === CDR) return { status: 200, body: { callId: CALL, domain: 'test.cc' } }
    if (path === RECORDINGS) return { status: 200, body: [{ id: REC, callId: CALL }] }
    if (path === REC_STREAM || path === CALL_STREAM)
      return { status: 200, raw: Buffer.alloc(64), headers: { 'content-type': 'audio/wav' } }
    return undefined
  })
  relay = await startTestRelay({
    env: {
      ...gatewayEnv(platform.url),
      WELLCLOUD_CSTA_URL: `${platform.url}/csta`,
      WELLCLOUD_CSTA_LOGIN_URL: `${platform.url}/tpi/login`,
      WELLCLOUD_CSTA_USERNAME: 'svc',
      WELLCLOUD_CSTA_PASSWORD: 'svc-password',
      WELLCLOUD_TIMEOUT_MS: '2000',
    },
  })
  lead = relay.lead
})

afterEach(async () => {
  await relay.close()
  await platform.stop()
  await elsewhere.stop()
})

async function expectRefusedRedirect(res: Response) {
  expect(res.status).toBe(502)
  const body = (await res.json()) as { message: string; messages: { zh: string } }
  expect(body.message).toBe(`the platform redirected to another host (${elsewhere.url}): refused`)
  expect(body.messages.zh).toContain('重定向到另一台主机')
  expect(elsewhere.requests).toEqual([])
}

const range = 'beginTime=2026-11-21%2000:00:00&endTime=2026-11-21%2023:00:00'

describe('a redirect from the platform gateway to another host', () => {
  it.each([
    ['the CDR list', LIST, `/api/calls?${range}`],
    ['one CDR', CDR, `/api/calls/${CALL}`],
    ["a call's recordings", RECORDINGS, `/api/calls/${CALL}/recordings`],
    ["a call's audio", CALL_STREAM, `/api/calls/${CALL}/audio`],
    ['a recording stream', REC_STREAM, `/api/recordings/${REC}/audio`],
    ["a recording's peaks", REC_STREAM, `/api/recordings/${REC}/peaks`],
  ])('is not followed for %s: 502 naming it, nothing sent there', async (_, upstream, path) => {
    // A recording is served once its call's recordings were listed.
    if (path.startsWith('/api/recordings/'))
      expect((await lead.fetch(`/api/calls/${CALL}/recordings`)).status).toBe(200)
    redirectElsewhere(upstream)
    await expectRefusedRedirect(await lead.fetch(path))
    expect(sentTo(upstream).length).toBeGreaterThan(0)
  })

  it('is not followed for the token: the app secret stays home', async () => {
    // 307 keeps the method and the body: followed, it would post the credentials there.
    redirectElsewhere('/accesstoken/apply', 307)
    await expectRefusedRedirect(await lead.fetch(`/api/calls/${CALL}`))
    expect(sentTo('/accesstoken/apply')).toHaveLength(1)
    expect(sentTo(CDR)).toHaveLength(0)
  })

  it('a redirect within the same host is followed, with the token', async () => {
    platform.on((r) => {
      if (pathOf(r) === CDR) return { status: 302, headers: { location: `/moved/${CALL}` } }
      if (pathOf(r) === `/moved/${CALL}`)
        return { status: 200, body: { callId: CALL, domain: 'test.cc', ani: '8001@test.cc' } }
      return undefined
    })
    const res = await lead.fetch(`/api/calls/${CALL}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ callId: CALL, ani: '8001@test.cc' })
    expect(sentTo(`/moved/${CALL}`)[0]?.headers.wellcloud_token).toBe('tok-1')
  })

  it('a redirect loop within the same host is given up after 3 hops', async () => {
    platform.on((r) =>
      pathOf(r) === CDR ? { status: 302, headers: { location: CDR } } : undefined,
    )
    const res = await lead.fetch(`/api/calls/${CALL}`)
    expect(res.status).toBe(502)
    expect(await res.json()).toMatchObject({
      error: 'upstream_redirect',
      message: 'the platform redirected more than 3 times: refused',
    })
    expect(sentTo(CDR)).toHaveLength(4)
  })
})

describe('a redirect from the CSTA service to another host', () => {
  beforeEach(async () => {
    await relay.post(
      agentEvent({
        id: '5001@test.cc',
        acState: 'InboundTalking',
        callId: CALL,
        channelAddr: '8001@test.cc',
      }),
    )
  })
  const drop = () =>
    lead.fetch(`/api/agents/${encodeURIComponent('5001@test.cc')}/actions/drop`, {
      method: 'POST',
    })

  it('is not followed for the login: the password stays home', async () => {
    redirectElsewhere('/tpi/login', 307)
    await expectRefusedRedirect(await drop())
    expect(sentTo('/tpi/login')).toHaveLength(1)
    expect(platform.requests.filter((r) => r.url.startsWith('/csta/'))).toHaveLength(0)
  })

  it('is not followed for an action: the session id stays home', async () => {
    const path = `/csta/api/csta/callControl/calls/${CALL}/connections/8001@test.cc%7C${CALL}`
    redirectElsewhere(path, 307)
    await expectRefusedRedirect(await drop())
    expect(sentTo(path)).toHaveLength(1)
    expect(sentTo(path)[0]!.headers.sessionid).toBe('session-1')
  })
})
