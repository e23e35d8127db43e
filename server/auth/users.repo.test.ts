import { beforeEach, expect, it } from 'vitest'
import { describeEachStore, storePerTest } from '../testing/stores'
import { DuplicateUsernameError, type NewUser, UsersRepo } from './users.repo'

const T0 = 1_760_000_000_000

function newUser(username: string, over: Partial<NewUser> = {}): NewUser {
  return {
    username,
    passwordHash: `hash-of-${username}`,
    role: 'supervisor',
    scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
    ...over,
  }
}

describeEachStore('users', (kind) => {
  let users: UsersRepo
  const store = storePerTest(kind)
  beforeEach(async () => {
    users = new UsersRepo(store().db)
  })

  it('creates a user, finds them by id and by name, and refuses a taken name', async () => {
    const lead = await users.create(
      newUser('lead', {
        scope: { namespace: 'test.cc', orgPrefix: '1.2', skills: ['sales', 'vip'] },
      }),
      T0,
    )
    expect(lead).toEqual({
      id: expect.any(Number) as number,
      username: 'lead',
      role: 'supervisor',
      scope: { namespace: 'test.cc', orgPrefix: '1.2', skills: ['sales', 'vip'] },
      disabled: false,
      deviceId: null,
      phoneNumber: null,
      createdAt: T0,
      updatedAt: T0,
    })
    expect(await users.byId(lead.id)).toEqual(lead)
    expect(await users.credentials('lead')).toEqual({ user: lead, passwordHash: 'hash-of-lead' })
    expect(await users.credentials('Lead')).toBeNull()
    expect(await users.byId(lead.id + 1000)).toBeNull()
    await expect(users.create(newUser('lead', { role: 'viewer' }), T0)).rejects.toBeInstanceOf(
      DuplicateUsernameError,
    )
    // The refused one changed nothing.
    expect((await users.byId(lead.id))?.role).toBe('supervisor')
  })

  it("lists a tenant's users by name, or every user", async () => {
    await users.create(newUser('zoe'), T0)
    await users.create(newUser('Bob'), T0)
    await users.create(
      newUser('amy', { scope: { namespace: 'other.cc', orgPrefix: null, skills: null } }),
      T0,
    )
    expect((await users.list('test.cc')).map((u) => u.username)).toEqual(['Bob', 'zoe'])
    expect((await users.list(null)).map((u) => u.username)).toEqual(['Bob', 'amy', 'zoe'])
    expect(await users.list('nobody.cc')).toEqual([])
  })

  it('changes only what is given, disables and enables, and sets a password', async () => {
    const u = await users.create(newUser('lead'), T0)
    const changed = await users.update(
      u.id,
      { role: 'admin', skills: ['sales'], deviceId: '8990@test.cc', phoneNumber: '8990' },
      T0 + 1,
    )
    expect(changed).toMatchObject({
      role: 'admin',
      scope: { namespace: 'test.cc', orgPrefix: null, skills: ['sales'] },
      deviceId: '8990@test.cc',
      phoneNumber: '8990',
      disabled: false,
      createdAt: T0,
      updatedAt: T0 + 1,
    })
    expect((await users.update(u.id, { disabled: true }, T0 + 2))?.disabled).toBe(true)
    expect((await users.byId(u.id))?.disabled).toBe(true)
    expect(await users.update(u.id, { disabled: false, skills: null }, T0 + 3)).toMatchObject({
      disabled: false,
      role: 'admin',
      scope: { skills: null },
      deviceId: '8990@test.cc',
    })
    expect(await users.update(u.id + 1000, { role: 'viewer' }, T0)).toBeNull()

    await users.setPassword(u.id, 'new-hash', T0 + 4)
    expect(await users.credentials('lead')).toMatchObject({
      passwordHash: 'new-hash',
      user: { updatedAt: T0 + 4 },
    })
  })

  it('knows whether an enabled admin exists', async () => {
    expect(await users.hasActiveAdmin()).toBe(false)
    await users.create(newUser('lead'), T0)
    expect(await users.hasActiveAdmin()).toBe(false)
    const root = await users.create(newUser('root', { role: 'admin' }), T0)
    expect(await users.hasActiveAdmin()).toBe(true)
    await users.update(root.id, { disabled: true }, T0)
    expect(await users.hasActiveAdmin()).toBe(false)
  })
})
