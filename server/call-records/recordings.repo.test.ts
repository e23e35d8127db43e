import { afterEach, expect, it } from 'vitest'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { RecordingsRepo } from './recordings.repo'

/*
 * The recordings the relay has listed, alike on each engine: only a listed id is known (per
 * tenant), listing again refreshes it, and one not listed for the cache's days is forgotten.
 */

const AT = Date.UTC(2026, 11, 1, 2, 0)

describeEachStore('the recordings listed', (kind) => {
  let store: TestStore
  afterEach(() => store.dispose())

  it('knows a listed recording in its tenant only, as listed last', async () => {
    store = await openTestStore(kind)
    const recordings = new RecordingsRepo(store.db)
    await recordings.remember(
      'test.cc',
      [
        { id: 'r1', callId: 'c1', recordChannel: 0 },
        { id: 'r2', callId: 'c1' },
      ],
      AT,
    )
    expect(await recordings.get('test.cc', 'r1')).toEqual({
      id: 'r1',
      callId: 'c1',
      recordChannel: 0,
    })
    expect(await recordings.get('other.cc', 'r1')).toBeNull()
    expect(await recordings.get('test.cc', 'R1')).toBeNull()

    // Listed again (the same id twice in one answer, too): its latest listing is kept.
    await recordings.remember(
      'test.cc',
      [
        { id: 'r1', callId: 'c1', recordChannel: 1 },
        { id: 'r1', callId: 'c1', recordChannel: 2 },
      ],
      AT + 1,
    )
    expect(await recordings.get('test.cc', 'r1')).toEqual({
      id: 'r1',
      callId: 'c1',
      recordChannel: 2,
    })
    await recordings.remember('test.cc', [], AT + 2)
  })

  it('forgets recordings not listed since a time', async () => {
    store = await openTestStore(kind)
    const recordings = new RecordingsRepo(store.db)
    await recordings.remember('test.cc', [{ id: 'old', callId: 'c1' }], AT - 10)
    await recordings.remember('test.cc', [{ id: 'new', callId: 'c2' }], AT)
    expect(await recordings.prune(AT)).toBe(1)
    expect(await recordings.get('test.cc', 'old')).toBeNull()
    expect(await recordings.get('test.cc', 'new')).not.toBeNull()
  })
})
