import { describe, expect, it } from 'vitest'
import { LATEST_CALLS_MAX } from '@/shared/events'
import type { AgentView, CallSummary } from '@/shared/floor'
import { agent, call, figures, inState, T0 } from '@/testing/fixtures'
import { connectionBusy, HeldScreens, type RoomBatch } from './held-screens'

const whole = (...views: AgentView[]) => views.map((view) => ({ view, base: null }))
const batch = (over: Partial<RoomBatch>): RoomBatch => ({
  agents: [],
  removed: [],
  figures: null,
  calls: [],
  callBacks: null,
  lastEventAt: null,
  ...over,
})

describe('HeldScreens', () => {
  it('keeps one view per agent, the latest, however many batches a screen misses', () => {
    const held = new HeldScreens()
    held.hold('s1', 40)
    const states = ['InboundRinging', 'InboundTalking', 'Hold', 'Acw', 'Aux'] as const
    for (let round = 0; round < 200; round++) {
      const views = [1, 2, 3].map((n) => inState(agent(n), states[round % 5]!, T0))
      held.add('s1', batch({ agents: whole(...views), lastEventAt: T0 + round }))
    }
    expect(held.viewsOf('s1')).toBe(3)
    const c = held.catchUp('s1', 240, T0 + 1_000)!
    expect(c.seq).toBe(41)
    expect(c.upTo).toBe(240)
    expect(c.agents.map((a) => [a.id, a.acState])).toEqual([
      ['5001@test.cc', 'Aux'],
      ['5002@test.cc', 'Aux'],
      ['5003@test.cc', 'Aux'],
    ])
    expect(c.lastEventAt).toBe(T0 + 199)
    // Sent once: the screen is no longer held.
    expect(held.has('s1')).toBe(false)
    expect(held.catchUp('s1', 240, T0)).toBeNull()
  })

  it('names an agent that left the view as removed, and one that came back whole', () => {
    const held = new HeldScreens()
    held.hold('s1', 7)
    held.add('s1', batch({ agents: whole(agent(1)), removed: ['5002@test.cc'] }))
    held.add('s1', batch({ removed: ['5001@test.cc'] }))
    held.add('s1', batch({ agents: whole(agent(2)) }))
    const c = held.catchUp('s1', 10, T0)!
    expect(c.agents.map((a) => a.id)).toEqual(['5002@test.cc'])
    expect(c.removed).toEqual(['5001@test.cc'])
  })

  it('keeps the latest figures and call backs, and no more calls than the feed shows', () => {
    const held = new HeldScreens()
    held.hold('s1', 0)
    const calls: CallSummary[] = Array.from({ length: LATEST_CALLS_MAX + 20 }, (_, i) => call(i))
    held.add('s1', batch({ calls: calls.slice(0, 30), figures: figures() }))
    const later = { ...figures(), day: '2026-11-22' }
    held.add('s1', batch({ calls: calls.slice(30), figures: later }))
    const c = held.catchUp('s1', 2, T0)!
    expect(c.figures).toBe(later)
    expect(c.calls).toEqual(calls.slice(-LATEST_CALLS_MAX))
    expect(c.callBacks).toBeUndefined()
  })

  it('a batch that follows on from the last one needs no upTo', () => {
    const held = new HeldScreens()
    held.hold('s1', 3)
    held.add('s1', batch({ agents: whole(agent(1)) }))
    const c = held.catchUp('s1', 4, T0)!
    expect(c.seq).toBe(4)
    expect('upTo' in c).toBe(false)
  })

  it('sends an agent the screen holds as a patch over the view it holds, and nothing if it came back', () => {
    const held = new HeldScreens()
    held.hold('s1', 0)
    const before = agent(1)
    const ringing = inState(before, 'InboundRinging', T0 + 1_000, { callId: 'c-1' })
    const talking = inState(ringing, 'InboundTalking', T0 + 2_000)
    held.add('s1', batch({ agents: [{ view: ringing, base: before }] }))
    held.add('s1', batch({ agents: [{ view: talking, base: ringing }] }))
    // Agent 2 changed and changed back: the screen already holds what it is now.
    held.add('s1', batch({ agents: [{ view: agent(2, { reason: 'x' }), base: agent(2) }] }))
    held.add('s1', batch({ agents: [{ view: agent(2), base: agent(2, { reason: 'x' }) }] }))
    const c = held.catchUp('s1', 4, T0)!
    expect(c.agents).toEqual([])
    expect(c.patches).toEqual([
      {
        id: '5001@test.cc',
        acState: 'InboundTalking',
        stateSince: T0 + 2_000,
        callId: 'c-1',
        serial: talking.serial,
      },
    ])
  })

  it('calls a connection busy while its transport writes or packets wait', () => {
    expect(connectionBusy({ transport: { writable: true }, writeBuffer: [] })).toBe(false)
    expect(connectionBusy({ transport: { writable: false }, writeBuffer: [] })).toBe(true)
    expect(connectionBusy({ transport: { writable: true }, writeBuffer: [{}] })).toBe(true)
  })
})
