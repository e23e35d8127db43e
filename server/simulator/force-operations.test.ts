import { describe, expect, it } from 'vitest'
import type { AcState } from '../../src/shared/ac-state'
import { agentStateEventSchema, callEndEventSchema } from '../../src/shared/webhooks'
import { CallCenter } from './call-center'
import { ManualClock } from './clock'
import { EventFactory, type WireEvent } from './event-factory'
import { ForceOperations } from './force-operations'
import { createRandom } from './random'

const TZ = 'Asia/Shanghai'
const START = Date.UTC(2024, 5, 3, 1, 0, 0)
const SECOND = 1_000
const MINUTE = 60 * SECOND

function floor(seed: number) {
  const clock = new ManualClock(START)
  const factory = new EventFactory('test.cc', TZ, 1)
  const events: WireEvent[] = []
  const center = new CallCenter({
    clock,
    rng: createRandom(seed),
    agents: 16,
    skills: 3,
    namespace: 'test.cc',
    inboundPerMin: 4,
    outboundPerMin: 0.5,
    timing: { holdShare: 0.6 }, // plenty of holds for a supervisor to barge into
    listener: {
      agentState: (agent, previous) =>
        events.push(factory.agentState(agent, previous, clock.now())),
      callEnded: (record) => events.push(factory.callEnd(record, clock.now())),
    },
  })
  center.start()
  return { clock, center, events, ops: new ForceOperations(center, 'test.cc') }
}

// The normal steps (see call-center.test.ts) plus what a supervisor can cause.
const ALLOWED: Partial<Record<AcState, AcState[]>> = {
  LogOut: ['Aux', 'Available'],
  Aux: ['Available', 'LogOut'],
  Available: ['InboundRinging', 'ManualRinging', 'Aux', 'LogOut'],
  InboundRinging: ['InboundTalking', 'Aux'],
  InboundTalking: ['Hold', 'Acw', 'Conference'],
  ManualRinging: ['ManualTalking', 'Available', 'Aux', 'LogOut'],
  ManualTalking: ['Hold', 'Acw', 'Conference'],
  Hold: ['InboundTalking', 'ManualTalking', 'Acw', 'Conference'],
  Conference: ['Acw'],
  Acw: ['Available', 'Aux', 'LogOut'],
}

describe('force operations on the model', () => {
  it('keeps every agent on allowed steps and every call ending once, under a storm of them', () => {
    const { clock, center, events, ops } = floor(11)
    const rng = createRandom(99)
    const outcomes = new Map<string, number>()
    clock.advance(MINUTE)
    for (let t = 0; t < 3 * 60 * MINUTE; t += 20 * SECOND) {
      clock.advance(20 * SECOND)
      const agent = rng.pick(center.agents)
      const call = center.activeCalls().find((c) => c.agent !== null) ?? null
      const device = call?.agent?.extension ?? agent.extension
      const callId = call?.id ?? 'none'
      const op = rng.int(0, 6)
      const result = [
        () => ops.drop(callId, device),
        () => ops.join(callId, device, '8099'),
        () => ops.take(callId, device, '8099'),
        () => ops.listen(callId, '8098'),
        () => ops.setState(agent.id, agent.extension, 'Ready'),
        () => ops.setState(agent.id, agent.extension, 'NotReady'),
        () => ops.logout(agent.id, agent.extension, 'test.cc'),
      ][op]!()
      const key = `${op}:${result?.errorCode ?? 204}`
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    }
    clock.advance(2 * 60 * MINUTE) // every call ends
    // Each operation both succeeded and was refused at some point.
    for (let op = 0; op < 7; op++) expect(outcomes.get(`${op}:204`), `op ${op}`).toBeGreaterThan(0)
    expect([...outcomes.keys()].some((k) => k.endsWith(':456'))).toBe(true)
    expect([...outcomes.keys()].some((k) => k.endsWith(':460'))).toBe(true)

    const agentSchema = agentStateEventSchema(TZ)
    const callSchema = callEndEventSchema(TZ)
    const last = new Map<unknown, WireEvent>()
    const steps = new Set<string>()
    const ended = new Map<unknown, number>()
    const wrong: string[] = [] // collected, then asserted once: thousands of expects are slow
    for (const e of events) {
      const schema = e.eventName === 'callEnd' ? callSchema : agentSchema
      if (!schema.safeParse(e).success) wrong.push(`invalid ${JSON.stringify(e)}`)
      if (e.eventName === 'callEnd') {
        ended.set(e.callId, (ended.get(e.callId) ?? 0) + 1)
        continue
      }
      const prev = last.get(e.id)
      if (prev) {
        const from = prev.acState as AcState
        const step = `${from}>${String(e.acState)}`
        if (e.lastACState !== from) wrong.push(`lastACState ${String(e.lastACState)} after ${from}`)
        if (!(ALLOWED[from] ?? []).includes(e.acState as AcState)) wrong.push(`step ${step}`)
        steps.add(step)
      }
      last.set(e.id, e)
    }
    expect(wrong).toEqual([])
    expect(ended.size).toBeGreaterThan(300)
    expect([...ended.values()].every((n) => n === 1)).toBe(true)
    for (const step of ['Conference>Acw', 'Aux>LogOut', 'Available>Aux'])
      expect(steps).toContain(step)
    const ends = events.filter((e) => e.eventName === 'callEnd')
    expect(ends.some((e) => e.endReason === 'ForceDrop')).toBe(true)
    expect(ends.some((e) => e.conferenced === true)).toBe(true)
    expect(ends.some((e) => e.transferred === true)).toBe(true)
    expect(center.activeCalls().filter((c) => c.phase === 'taken')).toEqual([])
  })

  it('joins a call on hold: Conference at once, no return to talking, the call still ends', () => {
    const { clock, center, events, ops } = floor(3)
    let held = center.agents.find((a) => a.state === 'Hold')
    for (let i = 0; i < 3 * 3600 && !held; i++) {
      clock.advance(SECOND)
      held = center.agents.find((a) => a.state === 'Hold')
    }
    expect(held).toBeDefined()
    const agent = held!
    const callId = agent.callId!
    const from = events.length
    expect(ops.join(callId, agent.extension, '8099')).toBeNull()
    expect(agent.state).toBe('Conference')
    clock.advance(60 * MINUTE)
    const after = events.slice(from)
    const mine = after.filter((e) => e.eventName === 'agentStateEvent' && e.id === agent.id)
    expect(mine[0]).toMatchObject({ acState: 'Conference', lastACState: 'Hold', callId })
    expect(mine[1]).toMatchObject({ acState: 'Acw', lastACState: 'Conference' })
    const end = after.find((e) => e.eventName === 'callEnd' && e.callId === callId)
    expect(end).toMatchObject({ conferenced: true })
  })

  it('drops a listener’s own leg and the call goes on; the agent’s leg ends the call', () => {
    const { clock, center, events, ops } = floor(5)
    let talking = center.agents.find((a) => a.state === 'InboundTalking')
    for (let i = 0; i < 3 * 3600 && !talking; i++) {
      clock.advance(SECOND)
      talking = center.agents.find((a) => a.state === 'InboundTalking')
    }
    expect(talking).toBeDefined()
    const agent = talking!
    const callId = agent.callId!
    expect(ops.listen(callId, '8098')).toBeNull()
    expect(center.call(callId)!.listeners).toEqual(['8098@test.cc'])
    const from = events.length
    expect(ops.drop(callId, '8098@test.cc')).toBeNull()
    // Nobody hears the call any more, and nothing else changed: the agent still talks on it.
    expect(center.call(callId)!.listeners).toEqual([])
    expect(agent.state).toBe('InboundTalking')
    expect(agent.callId).toBe(callId)
    expect(events.slice(from).filter((e) => e.eventName === 'callEnd')).toEqual([])
    // Its leg gone, the same connection is not in the call: 456, as for any device.
    expect(ops.drop(callId, '8098@test.cc')).toMatchObject({ status: 456 })
    expect(ops.drop(callId, agent.extension)).toBeNull()
    expect(agent.callId).toBeNull()
  })
})
