import { afterEach, describe, expect, it } from 'vitest'
import type { SimTiming } from './sim-timing'
import {
  type Platform,
  SECOND,
  agentEventsOfCall,
  newEvents,
  runUntilCallEnded,
  startPlatform,
  waitForAgent,
} from './platform-test-kit'

let platform: Platform | undefined
afterEach(async () => {
  await platform?.app.close()
  platform = undefined
})

// A quiet floor (no calls of its own), so every call and state change is the test's.
const QUIET = ['--rate', '0', '--outbound-rate', '0']
const EVERY_CUSTOMER_ANSWERS: Partial<SimTiming> = { outboundAnswerShare: 1 }

async function setup(args: string[] = [], timing: Partial<SimTiming> = EVERY_CUSTOMER_ANSWERS) {
  const p = (platform = startPlatform([...QUIET, ...args], 5, undefined, timing))
  p.sim.start()
  await p.advance(10 * SECOND)
  return { p, token: await p.token() }
}

const doubleCall = (p: Platform, token: string | null, body: unknown) =>
  p.app.inject({
    method: 'POST',
    url: '/api/ext/v2/calls/uc',
    headers: token === null ? {} : { wellcloud_token: token },
    payload: body as Record<string, unknown>,
  })

const CUSTOMER = '13912345678'

describe('double call (seed 003 §6)', () => {
  it('refuses in the §6.5 shape: 14001 no device, 14005 no or another domain, 14002 no number', async () => {
    const { p, token } = await setup()
    const cases: [unknown, number][] = [
      [{ prefix: '9', customerPhone: CUSTOMER }, 14001],
      [{ deviceId: ' ', prefix: '9', customerPhone: CUSTOMER }, 14001],
      [{ deviceId: '8001', prefix: '9', customerPhone: CUSTOMER }, 14005],
      [{ deviceId: '8001@other.cc', prefix: '9', customerPhone: CUSTOMER }, 14005],
      [{ deviceId: 'desk@test.cc', prefix: '9', customerPhone: CUSTOMER }, 14005],
      [{ deviceId: 8001, prefix: '9', customerPhone: CUSTOMER }, 14005],
      [{ deviceId: '8001@test.cc', prefix: '9' }, 14002],
      [{ deviceId: '8001@test.cc', prefix: '9', customerPhone: '' }, 14002],
      // Not in §6.5's table: a malformed request, 400 naming the field.
      [{ deviceId: '8001@test.cc', prefix: '9', customerPhone: '139-1234' }, 400],
      [{ deviceId: '8001@test.cc', customerPhone: CUSTOMER }, 400],
      [{ deviceId: '8001@test.cc', prefix: '9', customerPhone: CUSTOMER, userData: [] }, 400],
    ]
    for (const [body, code] of cases) {
      const res = await doubleCall(p, token, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      const error = res.json<Record<string, unknown>>()
      expect(Object.keys(error).sort()).toEqual(
        ['errorCode', 'errorMessage', 'exceptionName', 'instanceId'].sort(),
      )
      expect(error.errorCode, JSON.stringify(body)).toBe(code)
    }
    expect(
      (await doubleCall(p, token, { prefix: '9', customerPhone: CUSTOMER })).json(),
    ).toMatchObject({
      errorMessage: expect.stringContaining('deviceId为空') as string,
    })
    const named = await doubleCall(p, token, { deviceId: '8001@test.cc', customerPhone: CUSTOMER })
    expect(named.json<{ errorMessage: string }>().errorMessage).toMatch(/^prefix:/)
    // Nothing was dialled.
    expect(p.sim.center.activeCalls()).toHaveLength(0)
  })

  it('needs a live access token', async () => {
    const { p } = await setup()
    const res = await doubleCall(p, 'nope', {
      deviceId: '8001@test.cc',
      prefix: '9',
      customerPhone: CUSTOMER,
    })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ errorCode: 401 })
  })

  it('answers 12008 while the cms is down: from the start with --cms-down, or switched at /sim/cms', async () => {
    const { p, token } = await setup(['--cms-down'])
    const body = { deviceId: '8001@test.cc', prefix: '9', customerPhone: CUSTOMER }
    const down = await doubleCall(p, token, body)
    expect(down.statusCode).toBe(503)
    expect(down.json()).toMatchObject({ errorCode: 12008, instanceId: 'ext_default' })
    const up = await p.app.inject({ method: 'POST', url: '/sim/cms', payload: { up: true } })
    expect(up.json()).toEqual({ up: true })
    expect((await doubleCall(p, token, body)).statusCode).toBe(200)
    await p.app.inject({ method: 'POST', url: '/sim/cms', payload: { up: false } })
    expect((await doubleCall(p, token, body)).json()).toMatchObject({ errorCode: 12008 })
    expect((await p.app.inject({ method: 'GET', url: '/sim/cms' })).json()).toEqual({ up: false })
  })

  it("rings a free agent's extension (ManualRinging), then the customer; talks (ManualTalking), wraps up, ends with a callEnd and a recording", async () => {
    const { p, token } = await setup(['--caller-in-event'])
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    const from = p.events.length
    const res = await doubleCall(p, token, {
      deviceId: agent.extension,
      prefix: '9',
      customerPhone: CUSTOMER,
      userData: { Id: '142459', attempt: 2 },
      options: { displayOrigin: '4008100001', cpa: 'false' },
    })
    expect(res.statusCode).toBe(200)
    const { callId } = res.json<{ callId: string }>()
    expect(callId).toMatch(/^[\w-]{20,}$/)
    await p.flush()
    // The agent's tile rings at once, with the call and the customer's number.
    expect(agentEventsOfCall(p, from, callId)).toEqual([
      expect.objectContaining({
        id: agent.id,
        acState: 'ManualRinging',
        lastACState: 'Available',
        customerNumber: CUSTOMER,
        reason: null,
      }),
    ])
    const end = await runUntilCallEnded(p, callId)
    // Then the agent goes on to Acw after the call.
    await p.advance(SECOND)
    const states = newEvents(p, from)
      .filter((e) => e.eventName === 'agentStateEvent' && e.id === agent.id)
      .map((e) => e.acState)
    expect(states.slice(0, 2)).toEqual(['ManualRinging', 'ManualTalking'])
    expect(states).toContain('Acw')
    expect(end).toMatchObject({
      callType: 'Outbound',
      customerPhone: CUSTOMER,
      deviceId: agent.extension,
      agentId: agent.id,
      ani: agent.extension,
      dnis: `9${CUSTOMER}`,
      displayNumber: '4008100001',
      userData: { Id: '142459', attempt: '2' },
    })
    expect(end.answerTime).not.toBeNull()
    expect(Number(end.deviceRingLength)).toBeGreaterThan(0)
    expect(Number(end.customerRingLength)).toBeGreaterThan(0)
    const recordings = await p.app.inject({
      method: 'GET',
      url: `/api/cdr/2.0/recordings/open/call/${callId}`,
      headers: { wellcloud_token: token },
    })
    expect(recordings.statusCode).toBe(200)
    expect(recordings.json<{ callId: string }[]>()).toEqual([expect.objectContaining({ callId })])
  })

  it("rings an extension that is nobody's (a desk phone) with no agent state, and still ends with a callEnd", async () => {
    const { p, token } = await setup()
    const from = p.events.length
    const res = await doubleCall(p, token, {
      deviceId: '8990@test.cc',
      prefix: '',
      customerPhone: CUSTOMER,
    })
    const { callId } = res.json<{ callId: string }>()
    const end = await runUntilCallEnded(p, callId)
    expect(agentEventsOfCall(p, from, callId)).toEqual([])
    expect(end).toMatchObject({
      callType: 'Outbound',
      deviceId: '8990@test.cc',
      agentId: null,
      customerPhone: CUSTOMER,
      dnis: CUSTOMER,
    })
    expect(end.answerTime).not.toBeNull()
    expect(p.sim.callLog.get(callId)?.talkLength).toBeGreaterThan(0)
  })

  it('lets a supervisor drop a double call from their desk phone once it is connected (forceDrop)', async () => {
    const { p, token } = await setup()
    const desk = '8990@test.cc'
    const res = await doubleCall(p, token, { deviceId: desk, prefix: '9', customerPhone: CUSTOMER })
    const { callId } = res.json<{ callId: string }>()
    for (let i = 0; i < 60 && p.sim.center.call(callId)?.phase !== 'talking'; i++) {
      await p.advance(SECOND)
    }
    const sessionId = await p.session()
    const connection = encodeURIComponent(`${desk}|${callId}`)
    const drop = await p.app.inject({
      method: 'DELETE',
      url: `/api/csta/callControl/calls/${callId}/connections/${connection}`,
      headers: { sessionId },
    })
    expect(drop.statusCode).toBe(204)
    const end = await runUntilCallEnded(p, callId, SECOND)
    expect(end).toMatchObject({ endReason: 'ForceDrop', hangupDevice: desk, deviceId: desk })
  })

  it("fails within seconds on a busy agent's extension, leaving the agent as it was", async () => {
    const { p, token } = await setup()
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    p.sim.center.forceAgentState(agent, 'Aux')
    await p.flush()
    const from = p.events.length
    const res = await doubleCall(p, token, {
      deviceId: agent.extension,
      prefix: '9',
      customerPhone: CUSTOMER,
    })
    const { callId } = res.json<{ callId: string }>()
    const end = await runUntilCallEnded(p, callId, 5 * SECOND)
    expect(end).toMatchObject({ endReason: 'NoAnswer', deviceId: agent.extension, agentId: null })
    expect(end.answerTime).toBeNull()
    expect(newEvents(p, from).filter((e) => e.id === agent.id)).toEqual([])
    expect(agent.state).toBe('Aux')
  })

  it('ends NoAnswer when the customer does not pick up, the agent back to Available', async () => {
    const { p, token } = await setup([], { outboundAnswerShare: 0 })
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    const from = p.events.length
    const res = await doubleCall(p, token, {
      deviceId: agent.extension,
      prefix: '9',
      customerPhone: CUSTOMER,
    })
    const { callId } = res.json<{ callId: string }>()
    const end = await runUntilCallEnded(p, callId)
    expect(end).toMatchObject({ endReason: 'NoAnswer', agentId: agent.id, answerTime: null })
    const states = newEvents(p, from)
      .filter((e) => e.eventName === 'agentStateEvent' && e.id === agent.id)
      .map((e) => e.acState)
    expect(states).toEqual(['ManualRinging', 'Available'])
  })
})
