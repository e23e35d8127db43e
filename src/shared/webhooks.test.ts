import { describe, expect, it } from 'vitest'
import { describeIssues } from './validation'
import { agentStateEventSchema, callEndEventSchema, domainOf } from './webhooks'

const SH = 'Asia/Shanghai'
const agentSchema = agentStateEventSchema(SH)
const callSchema = callEndEventSchema(SH)

const agent = {
  eventName: 'agentStateEvent',
  serial: 10,
  timestamp: '2018.06.12 11:33:56.368',
  eventType: 'agent',
  id: '5001@test.cc',
  name: '张伟',
  acState: 'InboundTalking',
  stateChangeTime: '2018.06.12 11:33:56.368',
  lastACState: 'InboundRinging',
  instanceId: 'cms_default',
  namespace: 'test.cc',
  lastStateLength: '3',
  lastStateChangeTime: '2018.06.12 11:33:53.000',
  orgId: 'o1',
  orgName: '客服一部',
  orgTreePos: '1.1',
  reason: 'AgentOperation',
  channelAddr: '8001@test.cc',
  skills: ['7001@test.cc', '7002@test.cc'],
  callId: '6aee1dda-d4a2-4d3c-8fab-df7782a6c10f',
  workSkill: '7001@test.cc',
}

describe('agentStateEvent', () => {
  it('reads every field of the seed', () => {
    const e = agentSchema.parse(agent)
    expect(e).toMatchObject({
      serial: '10',
      approxTime: false,
      id: '5001@test.cc',
      acState: { state: 'InboundTalking', raw: 'InboundTalking' },
      lastACState: { state: 'InboundRinging' },
      stateChangeTime: Date.UTC(2018, 5, 12, 3, 33, 56, 368),
      lastStateLength: 3,
      skills: ['7001@test.cc', '7002@test.cc'],
      workSkill: '7001@test.cc',
      orgTreePos: '1.1',
    })
  })

  it('keeps a state it does not know as Unknown, with the raw word', () => {
    expect(agentSchema.parse({ ...agent, acState: 'Training' }).acState).toEqual({
      state: 'Unknown',
      raw: 'Training',
    })
  })

  it('takes serial as a numeric string, skills as objects or a list, empty strings as none', () => {
    const e = agentSchema.parse({
      ...agent,
      serial: '42',
      skills: [{ skillId: '7003@test.cc' }, 7004],
      callId: '',
      workSkill: null,
    })
    expect(e.serial).toBe('42')
    expect(e.skills).toEqual(['7003@test.cc', '7004'])
    expect(e.callId).toBeNull()
    expect(agentSchema.parse({ ...agent, skills: '7001@test.cc, 7002@test.cc' }).skills).toEqual([
      '7001@test.cc',
      '7002@test.cc',
    ])
  })

  it('reads each time format the platform may use', () => {
    const at = Date.UTC(2018, 5, 12, 3, 33, 56)
    const formats: [unknown, number][] = [
      ['2018.06.12 11:33:56.368', at + 368],
      ['2018-06-12 11:33:56', at],
      ['2018-06-12T11:33:56.368+08:00', at + 368],
      ['2018-06-12T03:33:56Z', at],
      [at + 368, at + 368],
      [String(at + 368), at + 368],
    ]
    for (const [sent, epoch] of formats) {
      const e = agentSchema.parse({ ...agent, stateChangeTime: sent, timestamp: sent })
      expect([sent, e.stateChangeTime, e.approxTime]).toEqual([sent, epoch, false])
    }
  })

  it('never refuses an event for its stateChangeTime: timestamp, then none, marked approximate', () => {
    const fromStamp = agentSchema.parse({ ...agent, stateChangeTime: 'yesterday noon' })
    expect(fromStamp).toMatchObject({
      stateChangeTime: Date.UTC(2018, 5, 12, 3, 33, 56, 368),
      approxTime: true,
    })
    const missing = agentSchema.parse({ ...agent, stateChangeTime: undefined, timestamp: null })
    // No time at all: the receiver takes its own time of receipt.
    expect(missing).toMatchObject({ stateChangeTime: null, approxTime: true })
    expect(agentSchema.parse({ ...agent, stateChangeTime: {} }).approxTime).toBe(true)
  })

  it('reads lastStateLength as seconds or HH:mm:ss, hours past 24 too', () => {
    const read = (v: unknown) => agentSchema.parse({ ...agent, lastStateLength: v }).lastStateLength
    expect(read('12.5')).toBe(12.5)
    expect(read(12)).toBe(12)
    expect(read('00:01:05')).toBe(65)
    expect(read('1:00:00')).toBe(3600)
    expect(read('30:00:00.5')).toBe(108_000.5)
    expect(read('')).toBeNull()
    const r = agentSchema.safeParse({ ...agent, lastStateLength: '1:75:00' })
    expect(describeIssues(r.error!)).toMatch(/^lastStateLength: expected seconds or HH:mm:ss/)
  })

  it('keeps a serial of up to 20 digits exactly, as a number or a string', () => {
    expect(agentSchema.parse({ ...agent, serial: '18446744073709551615' }).serial).toBe(
      '18446744073709551615',
    )
    expect(agentSchema.parse({ ...agent, serial: '0009' }).serial).toBe('9')
    for (const serial of ['18446744073709551616', -1, '1e3', 2 ** 53 + 2]) {
      const r = agentSchema.safeParse({ ...agent, serial })
      expect(describeIssues(r.error!)).toMatch(/^serial: /)
    }
  })

  it('derives the namespace from the agent id when it is missing', () => {
    expect(agentSchema.parse({ ...agent, namespace: undefined }).namespace).toBe('test.cc')
    const r = agentSchema.safeParse({ ...agent, namespace: undefined, id: '5001' })
    expect(r.success).toBe(false)
    expect(describeIssues(r.error!)).toMatch(/^namespace: /)
  })

  it('names every wrong field', () => {
    const r = agentSchema.safeParse({
      ...agent,
      serial: 1.5,
      id: 5,
      lastStateChangeTime: 'now',
      skills: 3,
    })
    expect(r.success).toBe(false)
    const msg = describeIssues(r.error!)
    for (const field of ['serial', 'id', 'lastStateChangeTime', 'skills'])
      expect(msg).toContain(`${field}: `)
  })
})

describe('callEnd', () => {
  const call = {
    eventName: 'callEnd',
    eventSrc: 'a8307aa5',
    timestamp: '2018.06.12 11:33:56.368',
    serial: 10,
    eventType: 'statEvent',
    namespace: 'test.cc',
    callId: 'a8307aa5-bd11-4216-a6e2-5e5d6161aec4',
    callType: 'Inbound',
    agentId: '5001@test.cc',
    startTime: '2018.06.12 11:32:01.578',
    answerTime: '2018.06.12 11:32:32.071',
    endTime: '2018.06.12 11:33:56.368',
    queueLength: 5.234,
    talkLength: '12.459',
    resultCode: 0,
    campaignInfo: { campaignId: 'test01' },
    relatedCalls: [],
    conferenced: false,
    transferred: 'true',
    segmentList: [{}],
    topics: 'csta,stat',
  }

  it('reads the seed fields with their loose types', () => {
    const e = callSchema.parse(call)
    expect(e).toMatchObject({
      callId: call.callId,
      queueLength: 5.234,
      talkLength: 12.459,
      transferred: true,
      conferenced: false,
      topics: ['csta', 'stat'],
      campaignInfo: { campaignId: 'test01' },
      answerTime: Date.UTC(2018, 5, 12, 3, 32, 32, 71),
    })
  })

  it('takes the loose shapes a Java platform may send', () => {
    const e = callSchema.parse({
      ...call,
      resultCode: '',
      conferenced: '0',
      transferred: '1',
      userData: '{"orderId":"A-1","vip":true}',
      systemData: 'not json',
      campaignInfo: '',
      firstQueue: '{"skillId":"7001@test.cc"}',
      firstIVR: '',
      segmentList: [{ segmentType: 'Queue' }, null, '{"segmentType":"Station"}', {}],
    })
    expect(e).toMatchObject({
      resultCode: null,
      conferenced: false,
      transferred: true,
      userData: { orderId: 'A-1', vip: true },
      systemData: { raw: 'not json' },
      campaignInfo: {},
      firstQueue: { skillId: '7001@test.cc' },
      firstIVR: null,
      segmentList: [{ segmentType: 'Queue' }, { segmentType: 'Station' }],
    })
    for (const [v, b] of [
      ['true', true],
      ['false', false],
      ['', null],
      [0, false],
      [1, true],
    ] as const)
      expect(callSchema.parse({ ...call, conferenced: v }).conferenced).toBe(b)
    expect(callSchema.parse({ ...call, userData: '[1,2]' }).userData).toEqual({ raw: '[1,2]' })
  })

  it('allows an unanswered call', () => {
    expect(callSchema.parse({ ...call, answerTime: null, talkLength: '' }).answerTime).toBeNull()
  })

  it('refuses wrong types, naming the field', () => {
    const r = callSchema.safeParse({
      ...call,
      queueLength: 'five',
      userData: [1],
      conferenced: 'maybe',
    })
    const msg = describeIssues(r.error!)
    for (const field of ['queueLength', 'userData', 'conferenced'])
      expect(msg).toContain(`${field}: `)
  })
})

describe('limits', () => {
  const now = Date.UTC(2018, 5, 12, 3, 0, 0)
  const clocked = agentStateEventSchema(SH, () => now)
  // Platform times carry no zone: read in Asia/Shanghai, 8 hours ahead of UTC.
  const shanghai = (ms: number) =>
    new Date(ms + 8 * 3600_000).toISOString().replace('T', ' ').replace('Z', '').replace(/-/g, '.')

  it('takes a time up to a day past the relay’s clock, and no later', () => {
    const soon = shanghai(now + 23 * 3600_000)
    expect(clocked.parse({ ...agent, stateChangeTime: soon }).stateChangeTime).toBe(
      now + 23 * 3600_000,
    )
    const late = clocked.safeParse({ ...agent, timestamp: shanghai(now + 25 * 3600_000) })
    expect(describeIssues(late.error!)).toMatch(/^timestamp: expected a time from 2000-01-01/)
    const early = clocked.safeParse({ ...agent, lastStateChangeTime: '1999.12.31 23:00:00' })
    expect(describeIssues(early.error!)).toMatch(/^lastStateChangeTime: /)
  })

  it('takes a stateChangeTime out of range as missing: the timestamp stands in, approximate', () => {
    const ahead = clocked.parse({
      ...agent,
      timestamp: shanghai(now),
      stateChangeTime: shanghai(now + 25 * 3600_000),
    })
    expect(ahead).toMatchObject({ stateChangeTime: now, approxTime: true })
    const early = clocked.parse({ ...agent, stateChangeTime: '1999.12.31 23:00:00' })
    expect(early.approxTime).toBe(true)
  })

  it('takes ids of 256 characters and names of 1,000, and no more', () => {
    const id = `${'9'.repeat(248)}@test.cc`
    expect(agentSchema.parse({ ...agent, id, name: 'n'.repeat(1000) }).id).toBe(id)
    const r = agentSchema.safeParse({ ...agent, id: `9${id}`, orgName: 'n'.repeat(1001) })
    expect(describeIssues(r.error!)).toBe(
      'id: at most 256 characters; orgName: at most 1000 characters',
    )
  })

  it('still reads a number sent for an id as text', () => {
    expect(agentSchema.parse({ ...agent, orgId: 42 }).orgId).toBe('42')
  })
})

describe('domainOf', () => {
  it('takes the part after @', () => {
    expect(domainOf('5001@test.cc')).toBe('test.cc')
    expect(domainOf('5001')).toBeNull()
    expect(domainOf('5001@')).toBeNull()
  })
})
