import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakePlatform, type Recorded } from '../testing/fake-platform'
import { CstaClient, type CstaClientOptions } from './csta.client'
import type { CstaRequest } from './csta-requests'

// The client against a real HTTP stand-in that counts logins and decides each answer, on a
// clock the test moves.
let platform: FakePlatform
let logins = 0
let now = 1_700_000_000_000
let loginAnswer: (n: number) => { status: number; body?: unknown } = (n) => ({
  status: 200,
  body: { sessionId: `session-${n}` },
})
/** The sessions whose calls the platform refuses, and with which status. */
let refused: { sessions: Set<string>; status: number } = { sessions: new Set(), status: 426 }

const READY: CstaRequest = {
  method: 'POST',
  path: '/api/csta/agent/state',
  body: { func: 'SetState', agentMode: 'Ready', agentId: '5001@test.cc', device: '8001@test.cc' },
}

beforeEach(async () => {
  logins = 0
  now = 1_700_000_000_000
  loginAnswer = (n) => ({ status: 200, body: { sessionId: `session-${n}` } })
  refused = { sessions: new Set(), status: 426 }
  platform = await new FakePlatform().start()
  platform.on((r) => {
    if (r.url === '/login') return loginAnswer(++logins)
    if (r.url.startsWith('/csta/')) {
      const session = String(r.headers.sessionid)
      return refused.sessions.has(session)
        ? { status: refused.status, body: { errorCode: refused.status }, delayMs: 20 }
        : { status: 204, delayMs: 20 }
    }
    return undefined
  })
})
afterEach(async () => {
  await platform.stop()
})

function client(over: Partial<CstaClientOptions> = {}) {
  return new CstaClient({
    baseUrl: `${platform.url}/csta`,
    loginUrl: `${platform.url}/login`,
    username: 'svc',
    password: 'pw',
    namespace: 'test.cc',
    timeoutMs: 1_000,
    now: () => now,
    ...over,
  })
}

const calls = () => platform.requests.filter((r) => r.url.startsWith('/csta/'))
const sessionsSent = () => calls().map((r: Recorded) => r.headers.sessionid)

describe('the CSTA session', () => {
  it('logs in again once on 426, retries once, and the health shows the login and the error', async () => {
    const c = client()
    expect(c.health()).toMatchObject({ session: 'none', logins: 0, lastLoginAt: null })
    expect(await c.send(READY)).toMatchObject({ kind: 'answered', status: 204 })
    const firstLogin = now
    refused.sessions.add('session-1')
    now += 60_000
    expect(await c.send(READY)).toMatchObject({ kind: 'answered', status: 204 })
    expect(logins).toBe(2)
    expect(sessionsSent()).toEqual(['session-1', 'session-1', 'session-2'])
    expect(c.health()).toEqual({
      session: 'live',
      logins: 2,
      lastLoginAt: firstLogin + 60_000,
      renewAt: null,
      lastCall: { at: now, status: 204 },
      lastError: { at: now, kind: 'session_refused', status: 426, retried: false, detail: null },
    })
  })

  it('lets calls refused at the same time share one new login', async () => {
    const c = client()
    await c.send(READY)
    refused.sessions.add('session-1')
    const answers = await Promise.all(Array.from({ length: 5 }, () => c.send(READY)))
    expect(answers.map((a) => a.kind === 'answered' && a.status)).toEqual([204, 204, 204, 204, 204])
    expect(logins).toBe(2)
  })

  it('gives the platform’s answer when the retry after the new login is refused too', async () => {
    const c = client()
    refused.sessions = new Set(['session-1', 'session-2', 'session-3'])
    expect(await c.send(READY)).toMatchObject({ kind: 'answered', status: 426 })
    expect(logins).toBe(2) // the first login, and one more: never a loop
    expect(c.health().lastError).toMatchObject({ kind: 'session_refused', retried: true })
  })

  it('treats 401 from a CSTA call the same way', async () => {
    const c = client()
    refused = { sessions: new Set(['session-1']), status: 401 }
    expect(await c.send(READY)).toMatchObject({ kind: 'answered', status: 204 })
    expect(sessionsSent()).toEqual(['session-1', 'session-2'])
  })

  it('logs in again before a call once the session reaches its age limit, never letting it fail', async () => {
    const c = client({ sessionMaxAgeMs: 20 * 60_000 })
    await c.send(READY)
    expect(c.health()).toMatchObject({ session: 'live', renewAt: now + 20 * 60_000 })
    now += 20 * 60_000
    expect(c.health().session).toBe('renew_due')
    // The platform would refuse session-1 now; the client does not even try it.
    refused.sessions.add('session-1')
    expect(await c.send(READY)).toMatchObject({ kind: 'answered', status: 204 })
    expect(sessionsSent()).toEqual(['session-1', 'session-2'])
    expect(c.health()).toMatchObject({ session: 'live', logins: 2, lastError: null })
  })

  it('renews ahead of a lifetime the login answer gives, less a margin', async () => {
    loginAnswer = (n) => ({ status: 200, body: { data: { sessionId: `s-${n}`, expiresIn: 1800 } } })
    const c = client({ sessionMaxAgeMs: 0 })
    await c.send(READY)
    expect(c.health().renewAt).toBe(now + 1_740_000) // 1800 s less a minute
    now += 1_740_000
    await c.send(READY)
    expect(sessionsSent()).toEqual(['s-1', 's-2'])
  })

  it('keeps a failed login as the last error, saying why', async () => {
    loginAnswer = () => ({ status: 401, body: { errorCode: 401 } })
    const c = client()
    expect(await c.send(READY)).toMatchObject({
      kind: 'login_failed',
      status: 401,
      problem: 'refused',
    })
    loginAnswer = () => ({ status: 200, body: { ok: true } })
    expect(await c.send(READY)).toMatchObject({ kind: 'login_failed', problem: 'no_session' })
    expect(c.health()).toMatchObject({
      session: 'none',
      logins: 0,
      lastError: { kind: 'login_failed', status: 200 },
    })
    expect(calls()).toHaveLength(0)
  })
})
