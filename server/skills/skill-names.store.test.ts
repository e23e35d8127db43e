import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { SkillNamesRepo } from './skill-names.repo'
import { SkillNamesStore } from './skill-names.store'

describeEachStore('skill-group names', (kind) => {
  let store: TestStore
  let repo: SkillNamesRepo
  beforeEach(async () => {
    store = await openTestStore(kind)
    repo = new SkillNamesRepo(store.db)
  })
  afterEach(async () => {
    await store.dispose()
  })

  it("are replaced as a whole, each tenant's apart, in skill-id order", async () => {
    await repo.replace('test.cc', { '7002@test.cc': '售后', '7001@test.cc': '售前' }, 'root', 1)
    await repo.replace('test.cc', { '7003@test.cc': '投诉', '7001@test.cc': '新客户' }, 'root', 2)
    await repo.replace('other.cc', { '7001@other.cc': '售前' }, 'root', 3)
    const names = await repo.get('test.cc')
    expect(names).toEqual({ '7001@test.cc': '新客户', '7003@test.cc': '投诉' })
    expect(Object.keys(names)).toEqual(['7001@test.cc', '7003@test.cc'])
    expect(await repo.all()).toEqual(
      new Map([
        ['other.cc', { '7001@other.cc': '售前' }],
        ['test.cc', { '7001@test.cc': '新客户', '7003@test.cc': '投诉' }],
      ]),
    )
    await repo.replace('test.cc', {}, 'root', 4)
    expect(await repo.get('test.cc')).toEqual({})
  })

  it('are read from memory once loaded, and kept there as they change', async () => {
    await repo.replace('test.cc', { '7001@test.cc': '售前' }, 'root', 1)
    const names = new SkillNamesStore(repo)
    expect(names.get('test.cc')).toEqual({})
    await names.load()
    expect(names.get('test.cc')).toEqual({ '7001@test.cc': '售前' })
    expect(names.get('other.cc')).toEqual({})

    await names.replace('test.cc', { '7002@test.cc': '售后', '7001@test.cc': '售前' }, 'root', 2)
    expect(Object.keys(names.get('test.cc'))).toEqual(['7001@test.cc', '7002@test.cc'])
    expect(await repo.get('test.cc')).toEqual(names.get('test.cc'))
  })

  it("pick up another relay process's change when reloaded", async () => {
    const here = new SkillNamesStore(repo)
    const there = new SkillNamesStore(new SkillNamesRepo(store.db))
    await here.load()
    await there.replace('test.cc', { '7001@test.cc': '售前' }, 'root', 1)
    expect(here.get('test.cc')).toEqual({})
    expect(await here.reload('test.cc')).toEqual({ '7001@test.cc': '售前' })
    expect(here.get('test.cc')).toEqual({ '7001@test.cc': '售前' })
    await there.replace('test.cc', {}, 'root', 2)
    await here.reload('test.cc')
    expect(here.get('test.cc')).toEqual({})
  })
})
