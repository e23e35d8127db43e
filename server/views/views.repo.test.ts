import { sql } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { addTestUser, describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { ViewsRepo } from './views.repo'

describeEachStore('saved views', (kind) => {
  let store: TestStore
  let views: ViewsRepo
  let ownerId: number
  beforeEach(async () => {
    store = await openTestStore(kind)
    views = new ViewsRepo(store.db)
    ownerId = await addTestUser(store.db)
  })
  afterEach(async () => {
    await store.dispose()
  })

  const save = (name: string, namespace = 'test.cc') =>
    views.create({ namespace, ownerId, ownerName: 'lead', name, query: 'sort=time', now: 7 })

  it('are listed by name for their tenant only, and found by id with their owner', async () => {
    const b = await save('b-售后')
    const a = await save('A-售前')
    await save('a-other', 'other.cc')
    expect(b).toEqual({ id: b.id, name: 'b-售后', query: 'sort=time', owner: 'lead', createdAt: 7 })
    // Byte order, as the screens have always listed them: capitals first.
    expect((await views.list('test.cc')).map((v) => v.name)).toEqual(['A-售前', 'b-售后'])
    expect(await views.get('test.cc', a.id)).toEqual({ ...a, ownerId })
    expect(await views.get('other.cc', a.id)).toBeNull()
  })

  it('are deleted within their tenant only', async () => {
    const v = await save('售前')
    await views.delete('other.cc', v.id)
    expect(await views.get('test.cc', v.id)).not.toBeNull()
    await views.delete('test.cc', v.id)
    expect(await views.list('test.cc')).toEqual([])
  })

  it('outlive their owner, still named after them', async () => {
    const v = await save('售前')
    await sql`DELETE FROM users WHERE id = ${ownerId}`.execute(store.db)
    expect(await views.get('test.cc', v.id)).toEqual({ ...v, ownerId: null })
  })
})
