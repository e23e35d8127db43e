import { beforeEach, expect, it } from 'vitest'
import { ConfigError } from '../config'
import { describeEachStore, storePerTest } from '../testing/stores'
import { DEMO_ACCOUNTS, prepareAccounts } from './accounts'
import { verifyPassword } from './passwords'
import { UsersRepo } from './users.repo'

const T0 = 1_760_000_000_000

describeEachStore('accounts at start', (kind) => {
  let users: UsersRepo
  const store = storePerTest(kind)
  beforeEach(async () => {
    users = new UsersRepo(store().db)
  })

  it('demo mode makes the demo accounts once, with their phones, and keeps a changed password', async () => {
    const demo = { demo: true, namespace: 'test.cc', users, now: T0 }
    const config = await prepareAccounts(demo)
    expect(config.demoAccounts.map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username))
    const lead = await users.credentials('lead')
    expect(lead?.user).toMatchObject({
      role: 'supervisor',
      scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
      deviceId: '8990@test.cc',
      phoneNumber: '8990',
    })
    expect(await verifyPassword('lead', lead!.passwordHash)).toBe(true)

    await users.setPassword(lead!.user.id, 'changed-hash', T0 + 1)
    await prepareAccounts({ ...demo, now: T0 + 2 })
    expect((await users.credentials('lead'))?.passwordHash).toBe('changed-hash')
    expect(await users.list(null)).toHaveLength(DEMO_ACCOUNTS.length)
  })

  it('outside demo mode refuses to start without an enabled admin', async () => {
    const platform = { demo: false, namespace: 'test.cc', users, now: T0 }
    await expect(prepareAccounts(platform)).rejects.toBeInstanceOf(ConfigError)
    const root = await users.create(
      {
        username: 'root',
        passwordHash: 'h',
        role: 'admin',
        scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
      },
      T0,
    )
    expect(await prepareAccounts(platform)).toEqual({ demo: false, demoAccounts: [] })
    await users.update(root.id, { disabled: true }, T0)
    await expect(prepareAccounts(platform)).rejects.toBeInstanceOf(ConfigError)
  })
})
