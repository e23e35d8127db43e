import { afterEach, describe, expect, it } from 'vitest'
import { endPending, resetPendingStore, startPending, usePendingStore } from './pending-store'

afterEach(resetPendingStore)

describe('the pending-actions store', () => {
  it('holds one action per agent until it is answered', () => {
    expect(startPending('5001@test.cc', 'listen', 1_000)).toBe(true)
    expect(startPending('5002@test.cc', 'logout', 2_000)).toBe(true)
    expect(usePendingStore.getState().byAgent).toEqual({
      '5001@test.cc': { op: 'listen', since: 1_000 },
      '5002@test.cc': { op: 'logout', since: 2_000 },
    })
    // A second action on the same agent is refused, and the first one stays.
    expect(startPending('5001@test.cc', 'drop', 3_000)).toBe(false)
    expect(usePendingStore.getState().byAgent['5001@test.cc']?.op).toBe('listen')

    endPending('5001@test.cc')
    expect(Object.keys(usePendingStore.getState().byAgent)).toEqual(['5002@test.cc'])
  })

  it('leaves the other agents’ entries as they were (narrow selectors stay quiet)', () => {
    startPending('5002@test.cc', 'ready')
    const entry = usePendingStore.getState().byAgent['5002@test.cc']
    startPending('5001@test.cc', 'listen')
    endPending('5001@test.cc')
    expect(usePendingStore.getState().byAgent['5002@test.cc']).toBe(entry)
    const before = usePendingStore.getState()
    endPending('nobody')
    expect(usePendingStore.getState()).toBe(before)
  })
})
