import { beforeEach, describe, expect, it } from 'vitest'
import type { AgentPresence } from '@/shared/presence'
import { presenceStoreSink, resetPresenceStore, usePresenceStore } from './presence-store'

const snooze = { by: '王主管', reason: '培训中', since: 1_000, until: 901_000 }
const claimed = (agentId: string): AgentPresence => ({
  agentId,
  entries: [{ by: '王主管', kind: 'claimed', since: 1_000 }],
  snooze: null,
})

beforeEach(() => resetPresenceStore())

describe('presence store', () => {
  it('holds what the relay says per agent, and forgets an agent nobody is on', () => {
    presenceStoreSink.receivePresenceSnapshot({ agents: [claimed('5001@t'), claimed('5002@t')] })
    presenceStoreSink.receivePresence({ agentId: '5001@t', entries: [], snooze: null })
    expect(Object.keys(usePresenceStore.getState().byAgent)).toEqual(['5002@t'])
  })

  it('keeps the snoozed set as it is while only who is on an agent changes', () => {
    presenceStoreSink.receivePresence({ agentId: '5001@t', entries: [], snooze })
    const before = usePresenceStore.getState().snoozed
    expect(before).toEqual({ '5001@t': snooze })
    presenceStoreSink.receivePresence({ ...claimed('5001@t'), snooze: { ...snooze } })
    presenceStoreSink.receivePresence(claimed('5002@t'))
    // The over-time count re-counts only when this object changes.
    expect(usePresenceStore.getState().snoozed).toBe(before)
    presenceStoreSink.receivePresence(claimed('5001@t'))
    expect(usePresenceStore.getState().snoozed).toEqual({})
  })

  it('starts over from each snapshot (a reconnect)', () => {
    presenceStoreSink.receivePresence({ agentId: '5001@t', entries: [], snooze })
    presenceStoreSink.receivePresenceSnapshot({ agents: [claimed('5003@t')] })
    expect(usePresenceStore.getState().snoozed).toEqual({})
    expect(Object.keys(usePresenceStore.getState().byAgent)).toEqual(['5003@t'])
  })
})
