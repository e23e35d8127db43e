import { describe, expect, it } from 'vitest'
import type { AcState } from '../../src/shared/ac-state'
import { agentStateEventSchema, callEndEventSchema } from '../../src/shared/webhooks'
import { CallCenter } from './call-center'
import { ManualClock } from './clock'
import { EventFactory, type WireEvent } from './event-factory'
import { createRandom } from './random'

const TZ = 'Asia/Shanghai'
const START = Date.UTC(2024, 5, 3, 1, 0, 0) // 09:00 in Shanghai
const MINUTE = 60_000
const HOUR = 60 * MINUTE

interface Run {
  clock: ManualClock
  center: CallCenter
  events: WireEvent[]
}

function run(opts: {
  agents: number
  inboundPerMin: number
  outboundPerMin?: number
  seed?: number
}): Run {
  const clock = new ManualClock(START)
  const factory = new EventFactory('test.cc', TZ, 1)
  const events: WireEvent[] = []
  const center = new CallCenter({
    clock,
    rng: createRandom(opts.seed ?? 7),
    agents: opts.agents,
    skills: 4,
    namespace: 'test.cc',
    inboundPerMin: opts.inboundPerMin,
    outboundPerMin: opts.outboundPerMin ?? opts.agents * 0.02,
    listener: {
      agentState: (agent, previous) =>
        events.push(factory.agentState(agent, previous, clock.now())),
      callEnded: (record) => events.push(factory.callEnd(record, clock.now())),
    },
  })
  center.start()
  return { clock, center, events }
}

const agentEvents = (events: WireEvent[]) => events.filter((e) => e.eventName === 'agentStateEvent')
const callEnds = (events: WireEvent[]) => events.filter((e) => e.eventName === 'callEnd')

// Seed 003 §7.3 and §7.2: every field is on the wire, even when its value is null.
const AGENT_FIELDS =
  'eventName serial timestamp eventType id name acState stateChangeTime lastACState instanceId namespace ' +
  'lastStateLength lastStateChangeTime orgId orgName orgTreePos reason channelAddr skills callId workSkill'
const CALL_END_FIELDS =
  'eventName eventSrc timestamp serial eventType namespace instanceId mediaServer callId cid ani dnis ' +
  'callType deviceId agentId customerPhone startTime answerTime endTime skillId queueLength talkLength ' +
  'endReason customerRingLength deviceRingLength displayNumber trunkName customerAreaCode customerCityCode ' +
  'resultCode campaignInfo userData systemData relatedCalls hangupDevice hangupCause conferenced ' +
  'transferred firstRoutePoint firstQueue firstIVR firstStation segmentList topics originalCall'

// Every step the model may take; anything else (Available → InboundTalking, say) is a bug.
const ALLOWED: Partial<Record<AcState, AcState[]>> = {
  LogOut: ['Aux', 'Available'],
  Aux: ['Available'],
  Available: ['InboundRinging', 'ManualRinging', 'Aux', 'LogOut'],
  InboundRinging: ['InboundTalking', 'Aux'],
  InboundTalking: ['Hold', 'Acw'],
  ManualRinging: ['ManualTalking', 'Available', 'Aux', 'LogOut'],
  ManualTalking: ['Hold', 'Acw'],
  Hold: ['InboundTalking', 'ManualTalking'],
  Acw: ['Available', 'Aux', 'LogOut'],
}

describe('CallCenter', () => {
  it('logs most of the floor in within seconds of starting, some agents later', () => {
    const { clock, center, events } = run({ agents: 60, inboundPerMin: 0 })
    expect(events).toHaveLength(0)
    clock.advance(6_000)
    const loggedIn = center.agents.filter((a) => a.state !== 'LogOut').length
    expect(loggedIn).toBeGreaterThanOrEqual(45)
    expect(loggedIn).toBeLessThan(60)
    const firsts = new Map<unknown, WireEvent>()
    for (const e of agentEvents(events)) if (!firsts.has(e.id)) firsts.set(e.id, e)
    for (const e of firsts.values()) {
      expect(e.lastACState).toBe('LogOut')
      expect(['Aux', 'Available']).toContain(e.acState)
      expect(e.reason).toBe('AgentOperation')
    }
    // The stragglers log in later in the day.
    clock.advance(4 * HOUR)
    expect(
      agentEvents(events).some((e) => e.lastACState === 'LogOut' && Number(e.lastStateLength) > 60),
    ).toBe(true)
  })

  it('emits only events that pass the shared schemas, with every field, serials strictly increasing', () => {
    const { clock, events } = run({ agents: 30, inboundPerMin: 6.6 })
    clock.advance(2 * HOUR)
    expect(callEnds(events).length).toBeGreaterThan(300)
    const agentSchema = agentStateEventSchema(TZ)
    const callSchema = callEndEventSchema(TZ)
    let last = 0
    for (const e of events) {
      const keys = e.eventName === 'agentStateEvent' ? AGENT_FIELDS : CALL_END_FIELDS
      expect(Object.keys(e).sort()).toEqual(keys.split(' ').sort())
      const parsed =
        e.eventName === 'agentStateEvent' ? agentSchema.safeParse(e) : callSchema.safeParse(e)
      expect(parsed.error).toBeUndefined()
      expect(e.serial).toBeGreaterThan(last)
      last = Number(e.serial)
    }
  })

  it('moves every agent only along allowed steps, each event continuing the previous one', () => {
    const { clock, events } = run({ agents: 20, inboundPerMin: 5, outboundPerMin: 1 })
    clock.advance(3 * HOUR)
    const byAgent = new Map<unknown, WireEvent[]>()
    for (const e of agentEvents(events)) byAgent.set(e.id, [...(byAgent.get(e.id) ?? []), e])
    const seen = new Set<string>()
    for (const list of byAgent.values()) {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!
        const cur = list[i]!
        expect(cur.lastACState).toBe(prev.acState)
        expect(cur.lastStateChangeTime).toBe(prev.stateChangeTime)
        const from = prev.acState as AcState
        expect(ALLOWED[from] ?? [], `${from} → ${String(cur.acState)}`).toContain(cur.acState)
        seen.add(`${from}>${String(cur.acState)}`)
        // A call's states keep its id; Hold returns to the talking state it left.
        if (from === 'Hold') expect(cur.callId).toBe(prev.callId)
      }
    }
    // The run exercised the interesting paths, not just logins.
    for (const step of [
      'Available>InboundRinging',
      'InboundRinging>InboundTalking',
      'InboundTalking>Hold',
    ]) {
      expect(seen).toContain(step)
    }
    for (const step of [
      'Hold>InboundTalking',
      'InboundTalking>Acw',
      'Acw>Available',
      'ManualRinging>ManualTalking',
    ]) {
      expect(seen).toContain(step)
    }
    expect(seen).toContain('InboundRinging>Aux') // a ring-out
  })

  it('reports answered calls consistently with the agent events that carried them', () => {
    const { clock, events } = run({ agents: 20, inboundPerMin: 4 })
    clock.advance(HOUR)
    const schema = callEndEventSchema(TZ)
    const answered = callEnds(events)
      .map((e) => schema.parse(e))
      .filter((c) => c.callType === 'Inbound' && c.answerTime !== null)
    expect(answered.length).toBeGreaterThan(100)
    for (const c of answered) {
      const states = agentEvents(events)
        .filter((e) => e.callId === c.callId)
        .map((e) => e.acState)
      expect(states[0]).toBe('InboundRinging')
      expect(states).toContain('InboundTalking')
      expect(c.talkLength).toBeCloseTo((c.endTime! - c.answerTime!) / 1000, 2)
      expect(c.startTime! + c.queueLength! * 1000).toBeLessThanOrEqual(c.answerTime!)
      expect(c.skillId).toMatch(/^70\d\d@test\.cc$/)
      expect(c.agentId).toMatch(/^50\d\d@test\.cc$/)
      expect(c.deviceId).toMatch(/^80\d\d@test\.cc$/)
      expect(c.hangupCause).toBe('NORMAL_CLEARING')
      expect(c.firstStation).toMatchObject({ segmentType: 'Station', deviceId: c.deviceId })
    }
    // After the call the agent who talked wraps up: an Acw event at the call's end time.
    const last = answered.at(-1)!
    const talked = agentEvents(events).filter(
      (e) => e.callId === last.callId && e.acState === 'InboundTalking',
    )
    const agentId = talked.at(-1)!.id
    const acw = agentEvents(events).find(
      (e) =>
        e.id === agentId &&
        e.acState === 'Acw' &&
        e.lastACState === 'InboundTalking' &&
        e.serial > talked.at(-1)!.serial,
    )
    expect(acw?.callId).toBeNull()
  })

  it('lets callers abandon a queue nobody serves, as QueueAbandon', () => {
    const { clock, events } = run({ agents: 2, inboundPerMin: 20, outboundPerMin: 0 })
    clock.advance(20 * MINUTE)
    const schema = callEndEventSchema(TZ)
    const abandoned = callEnds(events)
      .map((e) => schema.parse(e))
      .filter((c) => c.endReason === 'QueueAbandon')
    expect(abandoned.length).toBeGreaterThan(50)
    for (const c of abandoned) {
      expect(c.answerTime).toBeNull()
      expect(c.talkLength).toBe(0)
      expect(c.queueLength).toBeGreaterThan(0)
      expect(c.agentId === null || c.agentId.endsWith('@test.cc')).toBe(true)
      expect(c.hangupDevice).toBe(c.customerPhone)
    }
  })

  it('places manual outbound calls as Outbound, some unanswered', () => {
    const { clock, events } = run({ agents: 10, inboundPerMin: 0, outboundPerMin: 3 })
    clock.advance(HOUR)
    const schema = callEndEventSchema(TZ)
    const outbound = callEnds(events).map((e) => schema.parse(e))
    expect(outbound.every((c) => c.callType === 'Outbound' && c.skillId === null)).toBe(true)
    const unanswered = outbound.filter((c) => c.endReason === 'NoAnswer')
    expect(unanswered.length).toBeGreaterThan(0)
    expect(unanswered.every((c) => c.answerTime === null && c.customerRingLength! > 0)).toBe(true)
    expect(outbound.some((c) => c.answerTime !== null && c.talkLength! > 0)).toBe(true)
  })

  it('keeps a default floor busy most, but not all, of its logged-in time', () => {
    const { clock, center } = run({ agents: 60, inboundPerMin: 60 * 0.22 })
    clock.advance(10 * MINUTE)
    let busy = 0
    let loggedIn = 0
    for (let t = 0; t < 2 * HOUR; t += 5_000) {
      clock.advance(5_000)
      for (const a of center.agents) {
        if (a.state !== 'LogOut') loggedIn++
        if (!['LogOut', 'Aux', 'Available'].includes(a.state)) busy++
      }
    }
    expect(busy / loggedIn).toBeGreaterThan(0.6)
    expect(busy / loggedIn).toBeLessThan(0.8)
  })

  it('plays the same floor for the same seed', () => {
    const a = run({ agents: 10, inboundPerMin: 3, seed: 42 })
    const b = run({ agents: 10, inboundPerMin: 3, seed: 42 })
    const c = run({ agents: 10, inboundPerMin: 3, seed: 43 })
    for (const r of [a, b, c]) r.clock.advance(30 * MINUTE)
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events))
    expect(JSON.stringify(a.events)).not.toBe(JSON.stringify(c.events))
  })
})
