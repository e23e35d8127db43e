import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { CreatedKiosk } from '@/shared/admin'
import type { FloorChange, FloorSnapshot } from '@/shared/floor'
import {
  nextEvent,
  OTHER_TOKEN,
  type Session,
  startTestRelay,
  TEST_PASSWORD,
  TEST_TOKEN,
  type TestRelay,
  changedAgents,
} from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

let relay: TestRelay
afterEach(async () => {
  await relay.close()
})

async function connectError(relayUrlClient: ReturnType<TestRelay['client']>): Promise<string> {
  return new Promise((resolve) =>
    relayUrlClient.once('connect_error', (err) => resolve(err.message)),
  )
}

describe('without a session', () => {
  it('every REST route answers 401, and the socket handshake is refused', async () => {
    relay = await startTestRelay()
    for (const path of [
      '/api/floor',
      '/api/me',
      '/api/users',
      '/api/kiosks',
      '/api/health/details',
      '/api/nothing-here',
    ]) {
      const res = await fetch(`${relay.url}${path}`)
      expect(res.status, path).toBe(401)
      expect(((await res.json()) as { message: string }).message).toBe('sign in first')
    }
    expect(await connectError(relay.client(null))).toBe('sign in first')
    // A made-up cookie is no better than none.
    const forged = await fetch(`${relay.url}/api/floor`, {
      headers: { cookie: 'sid=forged-session-id' },
    })
    expect(forged.status).toBe(401)
  })

  it('still lets monitors see that the relay is up, and nothing more', async () => {
    relay = await startTestRelay()
    const res = await fetch(`${relay.url}/api/health`)
    expect(res.status).toBe(200)
    // Whether it can keep what it is sent, for balancers; no figures, no tenants.
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['status', 'store', 'uptimeSec'])
    expect([body.status, body.store]).toEqual(['ok', 'up'])
  })
})

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and a readable CSRF cookie; /api/me describes the user', async () => {
    relay = await startTestRelay()
    const res = await fetch(`${relay.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lead', password: TEST_PASSWORD }),
    })
    expect(res.status).toBe(204)
    const cookies = res.headers.getSetCookie()
    const sid = cookies.find((c) => c.startsWith('sid='))!
    expect(sid).toMatch(/HttpOnly/i)
    expect(sid).toMatch(/SameSite=Lax/i)
    expect(cookies.find((c) => c.startsWith('csrf='))).not.toMatch(/HttpOnly/i)
    const me = (await (await relay.lead.fetch('/api/me')).json()) as Record<string, unknown>
    expect(me).toMatchObject({
      kind: 'user',
      username: 'lead',
      role: 'supervisor',
      scope: { namespace: 'test.cc' },
    })
    expect(JSON.stringify(me)).not.toContain(relay.lead.csrf)
  })

  it('says why a sign-in failed', async () => {
    relay = await startTestRelay()
    const post = (body: unknown) =>
      fetch(`${relay.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const wrong = await post({ username: 'lead', password: 'nope' })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({
      reason: 'bad_credentials',
      message: 'wrong user name or password',
    })
    const nobody = await post({ username: 'nobody', password: 'nope' })
    expect(await nobody.json()).toMatchObject({ reason: 'bad_credentials' })
    const empty = await post({ username: '', password: '' })
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as { message: string }).message).toMatch(
      /username: enter a user name/,
    )
  })

  it('signs out: the old cookie no longer works', async () => {
    relay = await startTestRelay()
    const s = await relay.signIn('lead')
    expect((await s.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(204)
    expect((await s.fetch('/api/me')).status).toBe(401)
  })
})

describe('an expired session', () => {
  it('is refused after the idle time, and after the absolute time however active', async () => {
    let now = Date.now()
    relay = await startTestRelay({
      now: () => now,
      env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' },
    })
    const s = await relay.signIn('lead')
    now += 29 * 60_000
    expect((await s.fetch('/api/me')).status).toBe(200)
    now += 31 * 60_000 // 31 minutes after the last request
    const idle = await s.fetch('/api/me')
    expect(idle.status).toBe(401)
    expect(await idle.json()).toMatchObject({
      reason: 'expired',
      message: 'your session has expired: sign in again',
    })

    const busy = await relay.signIn('lead')
    for (let i = 0; i < 5; i++) {
      now += 25 * 60_000
      expect((await busy.fetch('/api/me')).status).toBe(i < 4 ? 200 : 401)
    }
  })
})

describe('roles', () => {
  it('a viewer may watch but not manage users; the refusal names the role', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'watcher', role: 'viewer' })
    const viewer = await relay.signIn('watcher')
    expect((await viewer.fetch('/api/floor')).status).toBe(200)
    const res = await viewer.fetch('/api/users', {
      method: 'POST',
      json: { username: 'mallory', role: 'admin' },
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { message: string }).message).toBe(
      'your role (viewer) may not manage users and wall-screen links',
    )
    expect((await relay.lead.fetch('/api/users')).status).toBe(403)
  })
})

describe('tenant isolation', () => {
  async function twoTenants(): Promise<{ a: Session; b: Session }> {
    relay = await startTestRelay()
    await relay.createUser({ username: 'lead-b', role: 'supervisor', namespace: 'other.cc' })
    await relay.post(agentEvent({ id: '5001@test.cc', namespace: 'test.cc' }))
    const b = await relay.post(
      agentEvent({ id: '5001@other.cc', namespace: 'other.cc', name: 'B 的坐席' }),
      { token: OTHER_TOKEN },
    )
    expect(b.status).toBe(200) // tenant B's floor is there to be hidden
    return { a: relay.lead, b: await relay.signIn('lead-b') }
  }

  it("a supervisor of tenant A never sees tenant B's agents over the socket", async () => {
    const { a } = await twoTenants()
    const client = relay.client(a)
    const snap: FloorSnapshot = await nextEvent(client, 'floor:snapshot')
    expect(snap.agents.map((x) => x.id)).toEqual(['5001@test.cc'])
    const seen: FloorChange[] = []
    client.on('floor:changed', (c) => seen.push(c))
    const b = await relay.post(
      agentEvent({ id: '5002@other.cc', namespace: 'other.cc', acState: 'InboundTalking' }),
      { token: OTHER_TOKEN },
    )
    expect(b.status).toBe(200)
    await relay.post(agentEvent({ id: '5002@test.cc', namespace: 'test.cc' }))
    await nextEvent(client, 'floor:changed', (c) =>
      changedAgents(c).some((x) => x.id === '5002@test.cc'),
    ).catch(() => undefined)
    const ids = seen.flatMap((c) => changedAgents(c).map((x) => x.id))
    expect(ids).toContain('5002@test.cc')
    expect(ids.some((id) => id.endsWith('@other.cc'))).toBe(false)
    // Asking for a resync does not widen the view either.
    const again = await new Promise<FloorSnapshot>((resolve) =>
      client.emit('floor:resync', resolve),
    )
    expect(again.agents.every((x) => x.namespace === 'test.cc')).toBe(true)
  })

  it("nor over REST, and a tenant B admin cannot list or change tenant A's users", async () => {
    const { a } = await twoTenants()
    const floor = (await (await a.fetch('/api/floor')).json()) as FloorSnapshot
    expect(floor.agents.map((x) => x.id)).toEqual(['5001@test.cc'])
    await relay.createUser({ username: 'admin-b', role: 'admin', namespace: 'other.cc' })
    const adminB = await relay.signIn('admin-b')
    const list = (await (await adminB.fetch('/api/users')).json()) as { username: string }[]
    expect(list.map((u) => u.username).sort()).toEqual(['admin-b', 'lead-b'])
    const leadA = list.find((u) => u.username === 'lead') // not listed, so guess its id
    expect(leadA).toBeUndefined()
    for (let id = 1; id <= 4; id++) {
      const res = await adminB.fetch(`/api/users/${id}`, {
        method: 'PATCH',
        json: { disabled: true },
      })
      const name = (
        relay.db.prepare('SELECT username FROM users WHERE id = ?').get(id) as
          { username: string } | undefined
      )?.username
      expect(res.status, `user ${name}`).toBe(
        name === 'admin-b' ? 409 : name === 'lead-b' ? 200 : 404,
      )
    }
    expect((await relay.lead.fetch('/api/me')).status).toBe(200)
  })

  it('a department-scoped supervisor sees only that subtree, and an agent who leaves it disappears', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'lead-11', role: 'supervisor', orgPrefix: '1.1' })
    await relay.post(agentEvent({ id: '5001@test.cc', serial: 1, orgTreePos: '1.1' }))
    await relay.post(agentEvent({ id: '5002@test.cc', serial: 2, orgTreePos: '1.10' }))
    await relay.post(agentEvent({ id: '5003@test.cc', serial: 3, orgTreePos: '1.1.4' }))
    const client = relay.client(await relay.signIn('lead-11'))
    const snap = await nextEvent(client, 'floor:snapshot')
    expect(snap.agents.map((x) => x.id).sort()).toEqual(['5001@test.cc', '5003@test.cc'])
    const gone = nextEvent(client, 'floor:changed', (c) =>
      (c.removed ?? []).includes('5003@test.cc'),
    )
    await relay.post(agentEvent({ id: '5003@test.cc', serial: 4, orgTreePos: '1.2' }))
    const change = await gone
    expect(changedAgents(change).map((x) => x.id)).not.toContain('5003@test.cc')
  })
})

describe('CSRF', () => {
  it('refuses a mutation without the header, with a wrong one, or with one from another session', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'root', role: 'admin' })
    const admin = await relay.signIn('root')
    const body = { username: 'newbie', role: 'viewer' }
    const none = await admin.fetch('/api/users', { method: 'POST', json: body, csrf: false })
    expect(none.status).toBe(403)
    expect(((await none.json()) as { error: string }).error).toBe('csrf')
    const wrong = await admin.fetch('/api/users', {
      method: 'POST',
      json: body,
      csrf: false,
      headers: { 'x-csrf-token': 'guess' },
    })
    expect(wrong.status).toBe(403)
    // The other session's token, sent with its own cookie value, does not match this session.
    const other = await relay.signIn('root')
    const crossed = await fetch(`${relay.url}/api/users`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `${admin.cookie.split('; ').find((c) => c.startsWith('sid='))}; csrf=${other.csrf}`,
        'x-csrf-token': other.csrf,
      },
      body: JSON.stringify(body),
    })
    expect(crossed.status).toBe(403)
    expect((await admin.fetch('/api/auth/logout', { method: 'POST', csrf: false })).status).toBe(
      403,
    )
    expect((await admin.fetch('/api/users', { method: 'POST', json: body })).status).toBe(201)
  })

  it('refuses a sign-in posted as a form from another site', async () => {
    relay = await startTestRelay()
    const res = await fetch(`${relay.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=lead&password=${TEST_PASSWORD}`,
    })
    expect(res.status).toBe(415)
  })
})

describe('brute force', () => {
  it('locks a user name after 5 failures, even for the right password from a new address, and says when to retry', async () => {
    relay = await startTestRelay({ env: { TRUST_PROXY: '127.0.0.1' } })
    const attempt = (password: string, ip = '10.0.0.1') =>
      fetch(`${relay.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ username: 'lead', password }),
      })
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status).toBe(401)
    const locked = await attempt(TEST_PASSWORD, '10.0.0.2')
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await locked.json()) as { message: string }).message).toMatch(
      /too many failed sign-ins: try again in \d+ minutes?/,
    )
  })

  it('locks an address that guesses many user names', async () => {
    relay = await startTestRelay({
      env: { TRUST_PROXY: '127.0.0.1' },
      throttle: { perAccount: 5, perAddress: 8 },
    })
    const attempt = (username: string, ip: string) =>
      fetch(`${relay.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ username, password: 'guess' }),
      })
    for (let i = 0; i < 8; i++) expect((await attempt(`user${i}`, '10.9.9.9')).status).toBe(401)
    expect((await attempt('user-next', '10.9.9.9')).status).toBe(429)
    expect((await attempt('user-next', '10.9.9.10')).status).toBe(401)
  })
})

describe('wall-screen links', () => {
  async function mint(admin: Session, body: object): Promise<CreatedKiosk> {
    const res = await admin.fetch('/api/kiosks', { method: 'POST', json: body })
    expect(res.status).toBe(201)
    return (await res.json()) as CreatedKiosk
  }

  async function open(
    path: string,
  ): Promise<{ status: number; location: string | null; cookie: string }> {
    const res = await fetch(`${relay.url}${path}`, { redirect: 'manual' })
    return {
      status: res.status,
      location: res.headers.get('location'),
      cookie: res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
    }
  }

  it('opens a read-only, scoped view without a password; a revoked link is refused at once', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'root', role: 'admin' })
    const admin = await relay.signIn('root')
    await relay.post(agentEvent({ id: '5001@test.cc', serial: 1, skills: ['7001@test.cc'] }))
    await relay.post(agentEvent({ id: '5002@test.cc', serial: 2, skills: ['7002@test.cc'] }))
    const created = await mint(admin, { name: '大厅电视', skills: ['7002@test.cc'] })
    const opened = await open(created.path)
    expect(opened.status).toBe(302)
    expect(opened.location).toBe('/wall')
    const screen: Session = {
      cookie: opened.cookie,
      csrf: '',
      fetch: (p, init = {}) =>
        fetch(`${relay.url}${p}`, { ...init, headers: { cookie: opened.cookie } }),
    }
    const floor = (await (await screen.fetch('/api/floor')).json()) as FloorSnapshot
    expect(floor.agents.map((a) => a.id)).toEqual(['5002@test.cc'])
    expect((await screen.fetch('/api/users')).status).toBe(403)
    const listed = (await (await admin.fetch('/api/kiosks')).json()) as {
      id: number
      lastUsedAt: number | null
    }[]
    expect(listed[0]!.lastUsedAt).not.toBeNull()

    const client = relay.client(screen)
    await nextEvent(client, 'floor:snapshot')
    const ended = nextEvent(client, 'session:ended')
    expect((await admin.fetch(`/api/kiosks/${created.link.id}`, { method: 'DELETE' })).status).toBe(
      204,
    )
    expect((await ended).reason).toBe('revoked')
    const after = await screen.fetch('/api/floor')
    expect(after.status).toBe(401)
    expect((await open(created.path)).location).toBe('/login?kiosk=invalid')
    expect((await open('/k/made-up-token')).location).toBe('/login?kiosk=invalid')
  })
})

describe('accounts an admin changes', () => {
  it('a disabled user is signed out everywhere, including open sockets', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'root', role: 'admin' })
    const admin = await relay.signIn('root')
    const users = (await (await admin.fetch('/api/users')).json()) as {
      id: number
      username: string
    }[]
    const lead = users.find((u) => u.username === 'lead')!
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    const ended = nextEvent(client, 'session:ended')
    expect(
      (await admin.fetch(`/api/users/${lead.id}`, { method: 'PATCH', json: { disabled: true } }))
        .status,
    ).toBe(200)
    expect(await ended).toEqual({ reason: 'disabled', message: 'this account has been disabled' })
    expect((await relay.lead.fetch('/api/me')).status).toBe(401)
    const retry = await fetch(`${relay.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lead', password: TEST_PASSWORD }),
    })
    expect(await retry.json()).toMatchObject({ reason: 'disabled' })
  })
})

describe('hardening', () => {
  it('sends security headers with a CSP the SPA works under', async () => {
    relay = await startTestRelay()
    const res = await fetch(`${relay.url}/api/health`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('refuses a socket opened by a page of another site, even with the cookie', async () => {
    relay = await startTestRelay()
    const { io } = await import('socket.io-client')
    const evil = io(relay.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: relay.lead.cookie, origin: 'https://evil.example' },
    })
    expect(await connectError(evil)).toBe('connections from other sites are refused')
    evil.disconnect()
  })

  it('writes neither the webhook token nor passwords nor session cookies to the log', async () => {
    const log = new PassThrough()
    let text = ''
    log.on('data', (d: Buffer) => (text += d.toString()))
    relay = await startTestRelay({ logStream: log })
    await relay.post(agentEvent())
    await relay.post({ eventName: 'x' }, { token: 'wrong-token-in-the-url' })
    await relay.signIn('lead')
    await relay.lead.fetch('/api/me')
    await relay.lead.fetch('/api/does-not-exist')
    expect(text.length).toBeGreaterThan(0)
    for (const secret of [
      TEST_TOKEN,
      'wrong-token-in-the-url',
      TEST_PASSWORD,
      relay.lead.csrf,
      relay.lead.cookie.split('; ')[0]!.slice(4),
    ]) {
      expect(text).not.toContain(secret)
    }
  })
})
