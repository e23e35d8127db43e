import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { nameDemoSkills } from './demo-skill-names'
import { SkillNamesRepo } from './skill-names.repo'

describeEachStore('demo skill-group names', (kind) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(kind)
  })
  afterEach(async () => {
    await store.dispose()
  })

  it('names the simulator groups of a tenant that has none', async () => {
    const repo = new SkillNamesRepo(store.db)
    expect(await nameDemoSkills(repo, 'test.cc', 1)).toBe(true)
    expect((await repo.get('test.cc'))['7001@test.cc']).toBe('售前咨询')
    expect((await repo.get('test.cc'))['7004@test.cc']).toBe('会员专线')
    expect(await repo.get('other.cc')).toEqual({})
  })

  it("keeps an admin's own names", async () => {
    const repo = new SkillNamesRepo(store.db)
    await repo.replace('test.cc', { '7001@test.cc': '新客户' }, 'root', 1)
    expect(await nameDemoSkills(repo, 'test.cc', 2)).toBe(false)
    expect(await repo.get('test.cc')).toEqual({ '7001@test.cc': '新客户' })
  })
})
