import { describe, expect, it } from 'vitest'
import { LATEST_CALLS_MAX } from '@/shared/events'
import {
  T0,
  abandonedCaller,
  agent,
  callBacks,
  call,
  change,
  figures,
  inState,
  queueFigures,
  snapshot,
} from '@/testing/fixtures'
import { EMPTY_FLOOR, applyChange, applySnapshot, heartbeatIsAhead } from './floor-reducers'

describe('applySnapshot', () => {
  it('replaces everything, whatever was there', () => {
    const first = applySnapshot(snapshot([agent(1), agent(2), agent(3)], { seq: 5 }))
    const second = applySnapshot(snapshot([agent(3), agent(4)], { seq: 2, latestCalls: [call(1)] }))
    expect(first.ids).toEqual(['5001@test.cc', '5002@test.cc', '5003@test.cc'])
    expect(second.ids).toEqual(['5003@test.cc', '5004@test.cc'])
    expect(second.agents['5001@test.cc']).toBeUndefined()
    expect(second.seq).toBe(2)
    expect(second.latestCalls).toHaveLength(1)
    expect(second).toMatchObject({ loaded: true, synced: true, namespace: 'test.cc' })
  })
})

describe('applyChange', () => {
  const base = applySnapshot(snapshot([agent(1), agent(2)], { seq: 10 }))

  it('drops the agents a batch names as removed, keeping everyone else as they were', () => {
    const floor = applySnapshot(snapshot([agent(1), agent(2), agent(3)], { seq: 10 }))
    const moved = inState(agent(3), 'Aux', T0 + 1_000)
    const result = applyChange(
      floor,
      change(11, [moved], { removed: ['5002@test.cc', '5999@test.cc'] }),
    )
    if (result.outcome !== 'applied') throw new Error('expected applied')
    expect(result.floor.ids).toEqual(['5001@test.cc', '5003@test.cc'])
    expect(result.floor.agents['5002@test.cc']).toBeUndefined()
    expect(result.floor.agents['5001@test.cc']).toBe(floor.agents['5001@test.cc'])
    expect(result.floor.agents['5003@test.cc']?.acState).toBe('Aux')
    expect(result.floor.seq).toBe(11)
  })

  it('takes a batch that only removes someone, and a removal of someone unknown changes nothing', () => {
    const floor = applySnapshot(snapshot([agent(1), agent(2)], { seq: 10 }))
    const onlyRemoved = applyChange(floor, change(11, [], { removed: ['5001@test.cc'] }))
    if (onlyRemoved.outcome !== 'applied') throw new Error('expected applied')
    expect(onlyRemoved.floor.ids).toEqual(['5002@test.cc'])
    const unknown = applyChange(onlyRemoved.floor, change(12, [], { removed: ['5777@test.cc'] }))
    if (unknown.outcome !== 'applied') throw new Error('expected applied')
    expect(unknown.floor.ids).toBe(onlyRemoved.floor.ids) // same list: no grid re-render
    expect(unknown.floor.agents).toBe(onlyRemoved.floor.agents)
  })

  it('replaces each changed agent whole (no merge) and leaves the others untouched', () => {
    const talking = inState(agent(1), 'InboundTalking', T0 + 1_000, {
      callId: 'c1',
      workSkill: '7001@test.cc',
    })
    const afterCall = applyChange(base, change(11, [talking]))
    if (afterCall.outcome !== 'applied') throw new Error('expected applied')
    // The next view has no call: a merge would keep `callId`; a replace must not.
    const acw = inState(agent(1), 'Acw', T0 + 60_000)
    const result = applyChange(afterCall.floor, change(12, [acw]))
    if (result.outcome !== 'applied') throw new Error('expected applied')
    expect(result.floor.agents['5001@test.cc']).toBe(acw)
    expect(result.floor.agents['5001@test.cc']?.callId).toBeNull()
    expect(result.floor.agents['5002@test.cc']).toBe(base.agents['5002@test.cc'])
    expect(result.floor.ids).toBe(base.ids) // same membership: same list, no grid re-render
    expect(result.floor.seq).toBe(12)
  })

  it('lays a patch over the agent held: only the fields it names change, null included', () => {
    const talking = inState(agent(1), 'InboundTalking', T0 + 1_000, {
      callId: 'c1',
      workSkill: '7001@test.cc',
    })
    const held = applyChange(base, change(11, [talking]))
    if (held.outcome !== 'applied') throw new Error('expected applied')
    const result = applyChange(
      held.floor,
      change(12, [], {
        patches: [{ id: '5001@test.cc', acState: 'Acw', stateSince: T0 + 60_000, callId: null }],
      }),
    )
    if (result.outcome !== 'applied') throw new Error('expected applied')
    const after = result.floor.agents['5001@test.cc']!
    expect(after).toMatchObject({
      acState: 'Acw',
      stateSince: T0 + 60_000,
      callId: null,
      workSkill: '7001@test.cc',
      name: talking.name,
    })
    expect(after).not.toBe(talking) // replaced, so its tile re-renders
    expect(result.floor.agents['5002@test.cc']).toBe(base.agents['5002@test.cc'])
    expect(result.floor.ids).toBe(base.ids)
  })

  it('keeps the roster while only states change, and renews it when skills, departments or membership do', () => {
    let floor = base
    const next = (c: Parameters<typeof applyChange>[1]) => {
      const result = applyChange(floor, c)
      if (result.outcome !== 'applied') throw new Error('expected applied')
      floor = result.floor
      return floor.roster
    }
    const roster = base.roster
    expect(next(change(11, [inState(agent(1), 'Aux', T0 + 1_000)]))).toBe(roster)
    expect(
      next(change(12, [], { patches: [{ id: '5002@test.cc', acState: 'Acw', stateSince: T0 }] })),
    ).toBe(roster)
    const skills = next(
      change(13, [], {
        patches: [{ id: '5002@test.cc', skills: ['7001@test.cc', '7009@test.cc'] }],
      }),
    )
    expect(skills).not.toBe(roster)
    const moved = next(
      change(14, [agent(1, { org: { id: 'o9', name: '客服九部', treePos: '1.9' } })]),
    )
    expect(moved).not.toBe(skills)
    const joined = next(change(15, [agent(3)]))
    expect(joined).not.toBe(moved)
    expect(next(change(16, [], { removed: ['5003@test.cc'] }))).not.toBe(joined)
  })

  it('calls a patch for an agent it does not hold a gap', () => {
    expect(
      applyChange(base, change(11, [], { patches: [{ id: '5999@test.cc', acState: 'Aux' }] }))
        .outcome,
    ).toBe('gap')
  })

  it('adds agents that join, in id order', () => {
    const result = applyChange(base, change(11, [agent(0)]))
    if (result.outcome !== 'applied') throw new Error('expected applied')
    expect(result.floor.ids).toEqual(['5000@test.cc', '5001@test.cc', '5002@test.cc'])
  })

  it('calls a skipped seq a gap, and an old one a duplicate', () => {
    expect(applyChange(base, change(12, [agent(1)])).outcome).toBe('gap')
    expect(applyChange(base, change(10, [agent(1)])).outcome).toBe('duplicate')
    expect(applyChange(base, change(3, [agent(1)])).outcome).toBe('duplicate')
  })

  it('calls any batch before a snapshot a gap', () => {
    expect(applyChange(EMPTY_FLOOR, change(1, [agent(1)])).outcome).toBe('gap')
    expect(applyChange({ ...base, synced: false }, change(11, [agent(1)])).outcome).toBe('gap')
  })

  it('takes new figures and appends ended calls, newest last, capped', () => {
    const full = {
      ...base,
      latestCalls: Array.from({ length: LATEST_CALLS_MAX }, (_, i) => call(i)),
    }
    const f = figures({ total: queueFigures({ offered: 3 }) })
    const result = applyChange(full, change(11, [], { figures: f, calls: [call(100), call(101)] }))
    if (result.outcome !== 'applied') throw new Error('expected applied')
    expect(result.floor.figures).toBe(f)
    expect(result.floor.latestCalls).toHaveLength(LATEST_CALLS_MAX)
    expect(result.floor.latestCalls.at(-1)?.callId).toBe('call-101')
    expect(result.floor.latestCalls[0]?.callId).toBe('call-2')
    expect(result.floor.agents).toBe(full.agents) // no agent changed: no tile re-renders
  })
})

describe('latest calls', () => {
  it('keeps each call once when it comes again (snapshot overlap, webhook retries)', () => {
    const base = applySnapshot(snapshot([agent(1)], { seq: 10, latestCalls: [call(1), call(2)] }))
    const result = applyChange(base, change(11, [], { calls: [call(2, { talkSec: 61 }), call(3)] }))
    if (result.outcome !== 'applied') throw new Error('expected applied')
    expect(result.floor.latestCalls.map((c) => c.callId)).toEqual(['call-1', 'call-2', 'call-3'])
    expect(result.floor.latestCalls[1]?.talkSec).toBe(61)
  })
})

describe('heartbeatIsAhead', () => {
  const base = applySnapshot(snapshot([agent(1)], { seq: 10 }))
  it('is true only when the server has sent batches we do not have', () => {
    expect(heartbeatIsAhead(base, { serverTime: T0, seq: 10, lastEventAt: null })).toBe(false)
    expect(heartbeatIsAhead(base, { serverTime: T0, seq: 11, lastEventAt: null })).toBe(true)
    expect(heartbeatIsAhead(EMPTY_FLOOR, { serverTime: T0, seq: 11, lastEventAt: null })).toBe(
      false,
    )
  })
})

describe("today's abandoned callers", () => {
  const list = callBacks([abandonedCaller('13900001111', { attempts: 2 })], {
    abandonedToday: 3,
    reachedAgain: 2,
    medianReachSec: 480,
  })

  it('come with the snapshot, and stay null from a relay that sends none', () => {
    expect(applySnapshot(snapshot([], { callBacks: list })).callBacks).toBe(list)
    expect(applySnapshot(snapshot([])).callBacks).toBeNull()
  })

  it('are replaced whole by a batch that carries them, and kept by one that does not', () => {
    const floor = applySnapshot(snapshot([agent(1)], { seq: 4, callBacks: list }))
    const quiet = applyChange(floor, change(5, [inState(agent(1), 'Aux', T0 + 1_000)]))
    if (quiet.outcome !== 'applied') throw new Error('expected applied')
    expect(quiet.floor.callBacks).toBe(list)
    const reached = callBacks([], { abandonedToday: 3, reachedAgain: 3, medianReachSec: 300 })
    const next = applyChange(quiet.floor, change(6, [], { callBacks: reached }))
    if (next.outcome !== 'applied') throw new Error('expected applied')
    expect(next.floor.callBacks).toBe(reached)
    expect(next.floor.agents).toBe(quiet.floor.agents)
  })
})
