import { sql } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { addTestUser, describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { PreferencesRepo } from './preferences.repo'

describeEachStore('preferences', (kind) => {
  let store: TestStore
  let prefs: PreferencesRepo
  let userId: number
  beforeEach(async () => {
    store = await openTestStore(kind)
    prefs = new PreferencesRepo(store.db)
    userId = await addTestUser(store.db)
  })
  afterEach(async () => {
    await store.dispose()
  })

  it("are each user's own, the latest replacing the one before", async () => {
    expect(await prefs.get(userId)).toEqual({})
    await prefs.put(userId, { density: 'table' }, 1)
    await prefs.put(userId, { density: 'compact', tableGroup: 'dept' }, 2)
    expect(await prefs.get(userId)).toEqual({ density: 'compact', tableGroup: 'dept' })
    expect(await prefs.get(userId + 1)).toEqual({})
  })

  it('read as none when what is stored no longer fits', async () => {
    await sql`INSERT INTO user_preferences (user_id, value, updated_at)
      VALUES (${userId}, ${'{"density":"huge"}'}, 1)`.execute(store.db)
    expect(await prefs.get(userId)).toEqual({})
    await sql`UPDATE user_preferences SET value = ${'not json'}`.execute(store.db)
    expect(await prefs.get(userId)).toEqual({})
  })
})
