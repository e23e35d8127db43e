import { beforeEach, expect, it } from 'vitest'
import { describeEachStore, storePerTest } from '../testing/stores'
import { KiosksRepo } from './kiosks.repo'
import { hashToken, SessionsRepo } from './sessions.repo'
import { UsersRepo } from './users.repo'

const T0 = 1_760_000_000_000
const HOUR = 3_600_000
const scope = { namespace: 'test.cc', orgPrefix: '1', skills: ['sales'] }

describeEachStore('sessions', (kind) => {
  let sessions: SessionsRepo
  let users: UsersRepo
  let kiosks: KiosksRepo
  const store = storePerTest(kind)
  beforeEach(async () => {
    sessions = new SessionsRepo(store().db)
    users = new UsersRepo(store().db)
    kiosks = new KiosksRepo(store().db)
  })
  const session = (token: string, owner: { userId?: number; kioskId?: number }, now = T0) =>
    sessions.create({
      token,
      userId: owner.userId ?? null,
      kioskId: owner.kioskId ?? null,
      csrf: `csrf-${token}`,
      now,
      expiresAt: now + 12 * HOUR,
      ip: '10.0.0.1',
      userAgent: 'x'.repeat(500),
    })
  const newUser = (username: string) =>
    users.create({ username, passwordHash: 'h', role: 'supervisor', scope }, T0)

  it('finds a session by its token (kept only as a hash), with its user', async () => {
    const lead = await newUser('lead')
    await session('tok-1', { userId: lead.id })
    const row = {
      id: hashToken('tok-1'),
      user_id: lead.id,
      kiosk_id: null,
      csrf: 'csrf-tok-1',
      created_at: T0,
      last_seen_at: T0,
      expires_at: T0 + 12 * HOUR,
    }
    expect(await sessions.find('tok-1')).toEqual(row)
    expect(await sessions.findWithOwner('tok-1')).toEqual({ session: row, user: lead, kiosk: null })
    expect(await sessions.find(hashToken('tok-1'))).toBeNull()
    expect(await sessions.findWithOwner('tok-2')).toBeNull()
  })

  it("finds a wall screen's session with its link, and a session whose owner is gone without one", async () => {
    const link = await kiosks.create({
      token: 'link',
      name: 'Wall',
      scope,
      createdBy: null,
      now: T0,
    })
    await session('screen', { kioskId: link.id })
    expect(await sessions.findWithOwner('screen')).toMatchObject({
      session: { user_id: null, kiosk_id: link.id },
      user: null,
      kiosk: link,
    })
    await session('orphan', {})
    expect(await sessions.findWithOwner('orphan')).toMatchObject({ user: null, kiosk: null })
  })

  it('touches a session, and deletes one, a user’s or a link’s', async () => {
    const lead = await newUser('lead')
    const other = await newUser('other')
    const link = await kiosks.create({
      token: 'link',
      name: 'Wall',
      scope,
      createdBy: null,
      now: T0,
    })
    await session('a', { userId: lead.id })
    await session('b', { userId: lead.id })
    await session('c', { userId: other.id })
    await session('d', { kioskId: link.id })
    await sessions.touch(hashToken('a'), T0 + 5_000)
    expect((await sessions.find('a'))?.last_seen_at).toBe(T0 + 5_000)
    await sessions.delete(hashToken('a'))
    expect(await sessions.find('a')).toBeNull()
    expect(await sessions.find('b')).not.toBeNull()
    await sessions.deleteForUser(lead.id)
    expect(await sessions.find('b')).toBeNull()
    expect(await sessions.find('c')).not.toBeNull()
    await sessions.deleteForKiosk(link.id)
    expect(await sessions.find('d')).toBeNull()
    expect(await sessions.find('c')).not.toBeNull()
  })

  it("prunes expired sessions and idle users' ones, never an idle wall screen's", async () => {
    const lead = await newUser('lead')
    const link = await kiosks.create({
      token: 'link',
      name: 'Wall',
      scope,
      createdBy: null,
      now: T0,
    })
    await session('fresh', { userId: lead.id }, T0 + 11 * HOUR)
    await session('idle', { userId: lead.id }, T0 + 9 * HOUR)
    await session('expired', { userId: lead.id }, T0 - 13 * HOUR)
    await session('screen', { kioskId: link.id }, T0)
    const now = T0 + 11 * HOUR + 60_000
    expect(await sessions.prune(now, now - HOUR)).toBe(2)
    for (const [token, kept] of [
      ['fresh', true],
      ['idle', false],
      ['expired', false],
      ['screen', true],
    ] as const)
      expect(await sessions.find(token), token).toEqual(kept ? expect.anything() : null)
    expect(await sessions.prune(now, now - HOUR)).toBe(0)
  })
})
