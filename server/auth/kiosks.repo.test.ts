import { beforeEach, expect, it } from 'vitest'
import { describeEachStore, storePerTest } from '../testing/stores'
import { KiosksRepo } from './kiosks.repo'
import { UsersRepo } from './users.repo'

const T0 = 1_760_000_000_000

describeEachStore('wall-screen links', (kind) => {
  let kiosks: KiosksRepo
  const store = storePerTest(kind)
  beforeEach(async () => {
    kiosks = new KiosksRepo(store().db)
  })

  it('mints a link found by id and by its token, and lists a tenant’s newest first', async () => {
    const admin = await new UsersRepo(store().db).create(
      {
        username: 'root',
        passwordHash: 'h',
        role: 'admin',
        scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
      },
      T0,
    )
    const wall = await kiosks.create({
      token: 'wall-token',
      name: 'Sales wall',
      scope: { namespace: 'test.cc', orgPrefix: '1.2', skills: ['sales'] },
      createdBy: admin.id,
      now: T0,
    })
    expect(wall).toEqual({
      id: expect.any(Number) as number,
      name: 'Sales wall',
      scope: { namespace: 'test.cc', orgPrefix: '1.2', skills: ['sales'] },
      createdBy: admin.id,
      createdAt: T0,
      revokedAt: null,
      lastUsedAt: null,
    })
    expect(await kiosks.byId(wall.id)).toEqual(wall)
    expect(await kiosks.byToken('wall-token')).toEqual(wall)
    expect(await kiosks.byToken('other-token')).toBeNull()
    const lobby = await kiosks.create({
      token: 'lobby-token',
      name: 'Lobby',
      scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
      createdBy: null,
      now: T0 + 1,
    })
    const same = await kiosks.create({
      token: 'same-ms-token',
      name: 'Same moment',
      scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
      createdBy: null,
      now: T0 + 1,
    })
    await kiosks.create({
      token: 'other-tenant',
      name: 'Elsewhere',
      scope: { namespace: 'other.cc', orgPrefix: null, skills: null },
      createdBy: null,
      now: T0 + 2,
    })
    expect((await kiosks.list('test.cc')).map((k) => k.name)).toEqual([
      same.name,
      lobby.name,
      wall.name,
    ])
  })

  it('revokes a link once and records when it was last used', async () => {
    const link = await kiosks.create({
      token: 't',
      name: 'Wall',
      scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
      createdBy: null,
      now: T0,
    })
    await kiosks.markUsed(link.id, T0 + 10)
    await kiosks.revoke(link.id, T0 + 20)
    // Revoking again keeps the first time.
    await kiosks.revoke(link.id, T0 + 30)
    expect(await kiosks.byId(link.id)).toMatchObject({ lastUsedAt: T0 + 10, revokedAt: T0 + 20 })
  })
})
