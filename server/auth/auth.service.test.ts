import { beforeEach, expect, it } from 'vitest'
import { describeEachStore, storePerTest } from '../testing/stores'
import { AuthService, type Principal } from './auth.service'
import { KiosksRepo } from './kiosks.repo'
import { KnownAddressesRepo } from './known-addresses.repo'
import { DEFAULT_THROTTLE, LoginThrottle } from './login-throttle'
import { hashPassword } from './passwords'
import { hashToken, SessionsRepo } from './sessions.repo'
import { UsersRepo } from './users.repo'

const MINUTE = 60_000
const POLICY = { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE, kioskMs: 30 * 24 * 60 * MINUTE }
const scope = { namespace: 'test.cc', orgPrefix: '1.2', skills: null }

describeEachStore('the session check', (kind) => {
  let clock: number
  let users: UsersRepo
  let sessions: SessionsRepo
  let kiosks: KiosksRepo
  let auth: AuthService
  const store = storePerTest(kind)
  beforeEach(async () => {
    clock = 1_760_000_000_000
    const now = () => clock
    users = new UsersRepo(store().db)
    sessions = new SessionsRepo(store().db)
    kiosks = new KiosksRepo(store().db)
    auth = new AuthService(
      users,
      sessions,
      kiosks,
      new LoginThrottle(DEFAULT_THROTTLE, now),
      new KnownAddressesRepo(store().db),
      POLICY,
      now,
    )
    await users.create(
      {
        username: 'lead',
        passwordHash: await hashPassword('correct-horse'),
        role: 'supervisor',
        scope,
      },
      clock,
    )
  })
  const signIn = async () => {
    const result = await auth.login('lead', 'correct-horse', '10.0.0.1', 'test')
    if (!result.ok) throw new Error(result.reason)
    return result.token
  }

  it('signs in, knows the user on each request, and touches the session at most once a minute', async () => {
    expect(await auth.login('lead', 'wrong-horse', '10.0.0.1', null)).toEqual({
      ok: false,
      reason: 'bad_credentials',
    })
    const token = await signIn()
    const principal = (await auth.authenticate(token)) as Principal
    expect(principal).toMatchObject({ kind: 'user', username: 'lead', role: 'supervisor', scope })
    expect(principal.sessionId).toBe(hashToken(token))
    const seen = async () => (await sessions.find(token))?.last_seen_at
    const signedInAt = clock
    clock += 30_000
    await auth.authenticate(token)
    expect(await seen()).toBe(signedInAt)
    clock += 31_000
    await auth.authenticate(token)
    expect(await seen()).toBe(clock)
    expect(await auth.authenticate('not-a-token')).toBe('no_session')
    expect(await auth.authenticate(undefined)).toBe('no_session')
  })

  it('ends an idle session, a disabled user’s and a signed-out one, saying why', async () => {
    const idle = await signIn()
    clock += POLICY.idleMs + 1
    expect(await auth.authenticate(idle)).toBe('expired')
    expect(await sessions.find(idle)).toBeNull()

    const disabled = await signIn()
    const lead = (await users.credentials('lead'))!.user
    await users.update(lead.id, { disabled: true }, clock)
    expect(await auth.authenticate(disabled)).toBe('disabled')
    expect(await sessions.find(disabled)).toBeNull()
    expect(await auth.login('lead', 'correct-horse', '10.0.0.1', null)).toEqual({
      ok: false,
      reason: 'disabled',
    })

    await users.update(lead.id, { disabled: false, role: 'viewer' }, clock)
    const out = await signIn()
    expect(await auth.authenticate(out)).toMatchObject({ role: 'viewer' })
    await auth.logout(out)
    expect(await auth.authenticate(out)).toBe('no_session')
  })

  it('opens a wall-screen link read-only, never idles it out, and ends it once revoked', async () => {
    const link = await kiosks.create({
      token: 'link',
      name: 'Wall',
      scope,
      createdBy: null,
      now: clock,
    })
    expect(await auth.openKiosk('other', '10.0.0.2', null)).toBeNull()
    const opened = (await auth.openKiosk('link', '10.0.0.2', null))!
    expect((await kiosks.byId(link.id))?.lastUsedAt).toBe(clock)
    clock += POLICY.idleMs + 1
    expect(await auth.authenticate(opened.token)).toMatchObject({
      kind: 'kiosk',
      id: link.id,
      username: 'Wall',
      role: 'viewer',
      scope,
    })
    expect((await kiosks.byId(link.id))?.lastUsedAt).toBe(clock)
    await kiosks.revoke(link.id, clock)
    expect(await auth.authenticate(opened.token)).toBe('revoked')
    expect(await sessions.find(opened.token)).toBeNull()
    expect(await auth.openKiosk('link', '10.0.0.2', null)).toBeNull()
  })
})
