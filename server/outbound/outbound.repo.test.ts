import { afterEach, beforeEach, expect, it } from 'vitest'
import { RECENT_ACTIVITIES_MAX, type RosterUpload } from '@/shared/outbound'
import { addTestUser, describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { OutboundRepo, ROSTER_UPLOADS_LISTED } from './outbound.repo'

function upload(uploadedAt: number, over: Partial<RosterUpload> = {}): RosterUpload {
  return {
    batchId: `b-${uploadedAt}`,
    batchName: '五月回访',
    alias: null,
    templateId: 't-1',
    fileName: 'may.csv',
    entries: 120,
    duplicatesDropped: 3,
    uploadedAt,
    username: 'lead',
    ...over,
  }
}

describeEachStore('outbound settings, recent campaigns and call lists', (kind) => {
  let store: TestStore
  let repo: OutboundRepo
  let userId: number
  beforeEach(async () => {
    store = await openTestStore(kind)
    repo = new OutboundRepo(store.db)
    userId = await addTestUser(store.db)
  })
  afterEach(async () => {
    await store.dispose()
  })

  it("keeps each tenant's settings, the latest replacing the one before", async () => {
    expect(await repo.settings('test.cc')).toBeNull()
    await repo.putSettings('test.cc', { prefix: '9' }, 'root', 1)
    await repo.putSettings('test.cc', { prefix: '0' }, 'root', 2)
    expect(await repo.settings('test.cc')).toEqual({ prefix: '0' })
    expect(await repo.settings('other.cc')).toBeNull()
  })

  it("remembers a user's latest campaigns, newest first, and only the last few", async () => {
    for (let i = 1; i <= RECENT_ACTIVITIES_MAX + 2; i++)
      await repo.rememberActivity(userId, `a-${i}`, i)
    // Used again: it comes first and is kept once.
    await repo.rememberActivity(userId, 'a-3', 100)
    const recent = await repo.recentActivities(userId)
    expect(recent).toHaveLength(RECENT_ACTIVITIES_MAX)
    expect(recent.slice(0, 3)).toEqual([
      'a-3',
      `a-${RECENT_ACTIVITIES_MAX + 2}`,
      `a-${RECENT_ACTIVITIES_MAX + 1}`,
    ])
    expect(recent).not.toContain('a-1')
    expect(await repo.recentActivities(userId + 1)).toEqual([])
  })

  it("lists a tenant's call lists newest first, at most ROSTER_UPLOADS_LISTED", async () => {
    await repo.addUpload('test.cc', upload(1, { alias: '回访', duplicatesDropped: 0 }))
    await repo.addUpload('test.cc', upload(2))
    await repo.addUpload('other.cc', upload(3))
    expect(await repo.uploads('test.cc')).toEqual([
      upload(2),
      upload(1, { alias: '回访', duplicatesDropped: 0 }),
    ])
    for (let i = 10; i < 10 + ROSTER_UPLOADS_LISTED; i++) await repo.addUpload('test.cc', upload(i))
    const listed = await repo.uploads('test.cc')
    expect(listed).toHaveLength(ROSTER_UPLOADS_LISTED)
    expect(listed[0]!.uploadedAt).toBe(9 + ROSTER_UPLOADS_LISTED)
  })
})
