import { afterEach, describe, expect, it } from 'vitest'
import type { Agent } from './agent-model'
import {
  MINUTE,
  type Platform,
  SECOND,
  newEvents,
  startPlatform,
  waitForAgent,
} from './platform-test-kit'

let platform: Platform | undefined
afterEach(async () => {
  await platform?.app.close()
  platform = undefined
})

async function setup(args: string[] = []) {
  platform = startPlatform(args)
  platform.sim.start()
  await platform.advance(10 * SECOND)
  return platform
}

const JSON_UTF8 = { 'content-type': 'application/json; charset=UTF-8' }
const connection = (agent: Agent) =>
  `/api/csta/callControl/calls/${agent.callId}/connections/${encodeURIComponent(`${agent.extension}|${agent.callId}`)}`
const talking = (a: Agent) => a.state === 'InboundTalking'

async function csta(
  p: Platform,
  method: 'POST' | 'DELETE',
  url: string,
  sessionId: string | null,
  body?: unknown,
) {
  return p.app.inject({
    method,
    url,
    headers: { ...JSON_UTF8, ...(sessionId === null ? {} : { sessionId }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  })
}

const setState = (agent: Agent, agentMode: string, device = agent.extension) => ({
  func: 'SetState',
  agentMode,
  loginId: agent.id,
  agentId: agent.id,
  device,
})
const logout = (agent: Agent) => ({
  namespace: 'test.cc',
  func: 'Logout',
  device: agent.extension,
  agentId: agent.id,
  loginId: agent.id,
})

describe('TPI login', () => {
  it('answers a sessionId on every login path, form or JSON, and 401 on wrong credentials', async () => {
    const p = await setup()
    for (const path of ['/api/security/login', '/login', '/loginTrusted']) {
      const res = await p.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'username=supervisor-service&password=demo-password&namespace=test.cc',
      })
      expect(res.statusCode).toBe(200)
      expect(res.json<{ sessionId: string }>().sessionId).toMatch(/^[\w-]{20,}$/)
    }
    const json = await p.app.inject({
      method: 'POST',
      url: '/login',
      payload: { username: 'supervisor-service', password: 'demo-password', namespace: 'test.cc' },
    })
    expect(json.statusCode).toBe(200)
    for (const payload of [
      'username=supervisor-service&password=nope&namespace=test.cc',
      'username=someone&password=demo-password&namespace=test.cc',
      'username=supervisor-service&password=demo-password&namespace=other.cc',
    ]) {
      const res = await p.app.inject({
        method: 'POST',
        url: '/api/security/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ errorCode: 401 })
    }
    const missing = await p.app.inject({
      method: 'POST',
      url: '/api/security/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=supervisor-service&namespace=test.cc',
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json<{ errorMessage: string }>().errorMessage).toMatch(/^password:/)
  })

  it('refuses CSTA calls without a session, with an unknown one and once it expired', async () => {
    const p = await setup(['--csta-session-ttl-sec', '60'])
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    const url = '/api/csta/agent/state'
    for (const sessionId of [null, 'not-a-session']) {
      const res = await csta(p, 'POST', url, sessionId, setState(agent, 'NotReady'))
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ errorCode: 401 })
    }
    const session = await p.session()
    p.wallAdvance(59 * SECOND)
    expect((await csta(p, 'POST', url, session, setState(agent, 'NotReady'))).statusCode).toBe(204)
    p.wallAdvance(2 * SECOND)
    const expired = await csta(p, 'POST', url, session, setState(agent, 'Ready'))
    expect(expired.statusCode).toBe(401)
    expect(agent.state).toBe('Aux') // the refused request changed nothing
    const fresh = await p.session()
    expect((await csta(p, 'POST', url, fresh, setState(agent, 'Ready'))).statusCode).toBe(204)

    // The log shows what came in, the password masked.
    const log = (await p.app.inject('/sim/csta-log?limit=5')).json<
      Array<{ method: string; url: string; sessionId: boolean; body: unknown; status: number }>
    >()
    expect(log.at(-1)).toMatchObject({ url, sessionId: true, status: 204 })
    expect(log.at(-2)).toMatchObject({ url: '/api/security/login', status: 200 })
    expect(log.at(-2)?.body).toMatchObject({ password: '***' })
    expect(log.at(-3)).toMatchObject({ sessionId: true, status: 401 })
    expect(log.at(-3)?.body).toMatchObject({ agentMode: 'Ready' })
  })

  it('answers a dead session 426 with --session-expiry-code 426, and 0 s sessions die at once', async () => {
    const p = await setup(['--session-expiry-code', '426', '--csta-session-ttl-sec', '0'])
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    for (const sessionId of [null, 'not-a-session', await p.session()]) {
      const res = await csta(
        p,
        'POST',
        '/api/csta/agent/state',
        sessionId,
        setState(agent, 'Ready'),
      )
      expect(res.statusCode).toBe(426)
      expect(res.json()).toMatchObject({ errorCode: 426 })
    }
    const keys = (await p.app.inject('/sim/keys')).json<{ sessions: { issued: number } }>()
    expect(keys.sessions.issued).toBe(1)
  })

  it('sends channelAddr bare with --bare-devices, and still wants the domain on CSTA calls', async () => {
    const p = await setup(['--bare-devices'])
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    const events = newEvents(p, 0).filter((e) => e.eventName === 'agentStateEvent')
    expect(events.length).toBeGreaterThan(0)
    for (const e of events) expect(e.channelAddr).toMatch(/^\d+$/)
    const session = await p.session()
    const url = '/api/csta/agent/state'
    const bare = agent.extension.split('@')[0]!
    expect(
      (await csta(p, 'POST', url, session, setState(agent, 'NotReady', bare))).statusCode,
    ).toBe(453)
    expect((await csta(p, 'POST', url, session, setState(agent, 'NotReady'))).statusCode).toBe(204)
  })

  it('ends every live session on request, as a platform restart would', async () => {
    const p = await setup()
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    const session = await p.session()
    const ready = () => csta(p, 'POST', '/api/csta/agent/state', session, setState(agent, 'Ready'))
    expect((await ready()).statusCode).toBe(204)
    const ended = await p.app.inject({ method: 'POST', url: '/sim/csta/sessions/expire' })
    expect(ended.json()).toEqual({ expired: 1 })
    expect((await ready()).statusCode).toBe(401)
  })
})

describe('force operations', () => {
  it('forceDrop ends the call now, naming the dropped device; the agent wraps up', async () => {
    const p = await setup()
    const session = await p.session()
    const agent = await waitForAgent(p, talking)
    const callId = agent.callId!
    const from = p.events.length
    const res = await csta(p, 'DELETE', connection(agent), session)
    expect(res.statusCode).toBe(204)
    expect(res.body).toBe('')
    await p.flush()
    const events = newEvents(p, from)
    expect(events.map((e) => e.eventName)).toEqual(['agentStateEvent', 'callEnd'])
    expect(events[0]).toMatchObject({
      id: agent.id,
      acState: 'Acw',
      lastACState: 'InboundTalking',
      callId: null,
    })
    expect(events[1]).toMatchObject({
      callId,
      endReason: 'ForceDrop',
      hangupDevice: agent.extension,
      conferenced: false,
      transferred: false,
    })
    expect(p.sim.center.call(callId)).toBeUndefined()
    // The call is gone: dropping it again is an illegal device state.
    const again = await csta(
      p,
      'DELETE',
      `/api/csta/callControl/calls/${callId}/connections/${encodeURIComponent(`${agent.extension}|${callId}`)}`,
      session,
    )
    expect(again.statusCode).toBe(456)
    expect(again.json()).toMatchObject({ errorCode: 456 })
  })

  it('forceJoin puts the agent in Conference until the call ends conferenced', async () => {
    const p = await setup()
    const session = await p.session()
    const agent = await waitForAgent(p, talking)
    const callId = agent.callId!
    const from = p.events.length
    // A literal `|` in the path works as well as %7C.
    const url = `/api/csta/callControl/calls/${callId}/connections/${agent.extension}|${callId}/singleStepConference`
    const body = { conferenceParticipant: '8099', participationType: 'Active' }
    expect((await csta(p, 'POST', url, session, body)).statusCode).toBe(204)
    await p.flush()
    expect(newEvents(p, from)).toEqual([
      expect.objectContaining({ id: agent.id, acState: 'Conference', callId }),
    ])
    const live = (await p.app.inject(`/sim/calls/${callId}`)).json<Record<string, unknown>>()
    expect(live).toMatchObject({ active: true, phase: 'conference', conferees: ['8099@test.cc'] })

    for (let i = 0; i < 120 && p.sim.center.call(callId); i++) p.clock.advance(MINUTE)
    await p.flush()
    const later = newEvents(p, from + 1)
    const end = later.find((e) => e.eventName === 'callEnd' && e.callId === callId)
    expect(end).toMatchObject({ conferenced: true, transferred: false })
    // In Conference to the end: the agent's next step is wrap-up.
    const next = later.find((e) => e.eventName === 'agentStateEvent' && e.id === agent.id)
    expect(next).toMatchObject({ lastACState: 'Conference', acState: 'Acw' })
  })

  it('forceTake moves the call to the supervisor: the agent wraps up, the call ends transferred', async () => {
    const p = await setup()
    const session = await p.session()
    const agent = await waitForAgent(p, talking)
    const callId = agent.callId!
    const from = p.events.length
    const res = await csta(p, 'POST', `${connection(agent)}/singleStepTransfer`, session, {
      transferTo: '8099',
    })
    expect(res.statusCode).toBe(204)
    await p.flush()
    expect(newEvents(p, from)).toEqual([
      expect.objectContaining({ id: agent.id, acState: 'Acw', callId: null }),
    ])
    expect((await p.app.inject(`/sim/calls/${callId}`)).json()).toMatchObject({
      active: true,
      phase: 'taken',
      agentId: null,
      takenBy: '8099@test.cc',
    })
    for (let i = 0; i < 120 && p.sim.center.call(callId); i++) p.clock.advance(MINUTE)
    await p.flush()
    const end = newEvents(p, from).find((e) => e.eventName === 'callEnd' && e.callId === callId)
    expect(end).toMatchObject({ transferred: true, agentId: agent.id })
    expect(['8099@test.cc', end?.customerPhone]).toContain(end?.hangupDevice)
    const segments = end?.segmentList as Array<{ deviceId: string }>
    expect(segments.at(-1)?.deviceId).toBe('8099@test.cc')
  })

  it('forceListen adds a listener and changes no one’s state', async () => {
    const p = await setup()
    const session = await p.session()
    const agent = await waitForAgent(p, talking)
    const callId = agent.callId!
    const from = p.events.length
    const url = `/api/csta/callControl/calls/${callId}/spy?deviceId=${encodeURIComponent('8099@test.cc')}`
    expect((await csta(p, 'POST', url, session)).statusCode).toBe(204)
    expect((await csta(p, 'POST', url, session, {})).statusCode).toBe(204) // twice: one listener
    await p.flush()
    expect(newEvents(p, from)).toEqual([])
    expect((await p.app.inject(`/sim/calls/${callId}`)).json()).toMatchObject({
      listeners: ['8099@test.cc'],
    })
    const noDevice = await csta(p, 'POST', `/api/csta/callControl/calls/${callId}/spy`, session)
    expect(noDevice.statusCode).toBe(400)
    expect(noDevice.json<{ errorMessage: string }>().errorMessage).toMatch(/^deviceId:/)
    const unknown = await csta(
      p,
      'POST',
      '/api/csta/callControl/calls/no-such-call/spy?deviceId=8099%40test.cc',
      session,
    )
    expect(unknown.statusCode).toBe(456)
  })

  it('forceNotReady, forceReady and forceLogout move the agent, with the monitor reasons', async () => {
    const p = await setup()
    const session = await p.session()
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    const url = '/api/csta/agent/state'
    let from = p.events.length
    expect((await csta(p, 'POST', url, session, setState(agent, 'NotReady'))).statusCode).toBe(204)
    expect((await csta(p, 'POST', url, session, setState(agent, 'Ready'))).statusCode).toBe(204)
    await p.flush()
    expect(newEvents(p, from).slice(0, 2)).toEqual([
      expect.objectContaining({ id: agent.id, acState: 'Aux', reason: 'MonitorLock' }),
      expect.objectContaining({ id: agent.id, acState: 'Available', reason: 'MonitorUnlock' }),
    ])

    // Ready on a ready agent changes nothing.
    if (agent.state === 'Available') {
      from = p.events.length
      expect((await csta(p, 'POST', url, session, setState(agent, 'Ready'))).statusCode).toBe(204)
      await p.flush()
      expect(newEvents(p, from)).toEqual([])
    }

    const idle = await waitForAgent(p, (a) => a.state === 'Available' || a.state === 'Acw')
    from = p.events.length
    expect((await csta(p, 'POST', url, session, logout(idle))).statusCode).toBe(204)
    await p.flush()
    expect(newEvents(p, from)).toEqual([
      expect.objectContaining({ id: idle.id, acState: 'LogOut', reason: 'MonitorLock' }),
    ])
    for (const body of [logout(idle), setState(idle, 'Ready'), setState(idle, 'NotReady')]) {
      const res = await csta(p, 'POST', url, session, body)
      expect(res.statusCode).toBe(458)
      expect(res.json()).toMatchObject({ errorCode: 458 })
    }
  })

  it('refuses what the platform refuses, with its codes', async () => {
    const p = await setup()
    const session = await p.session()
    const agent = await waitForAgent(p, talking)
    const other = p.sim.center.agents.find((a) => a !== agent)!
    const url = '/api/csta/agent/state'
    const expectError = async (
      res: Awaited<ReturnType<typeof csta>>,
      code: number,
      message?: RegExp,
    ) => {
      expect(res.statusCode).toBe(code)
      const body = res.json<{ errorCode: number; errorMessage: string }>()
      expect(body.errorCode).toBe(code)
      if (message) expect(body.errorMessage).toMatch(message)
    }
    const from = p.events.length
    // On a call: no Ready, no NotReady (456), no logout (460).
    await expectError(await csta(p, 'POST', url, session, setState(agent, 'Ready')), 456)
    await expectError(await csta(p, 'POST', url, session, setState(agent, 'NotReady')), 456)
    await expectError(await csta(p, 'POST', url, session, logout(agent)), 460)
    // Unknown agent, somebody else's extension.
    const ghost = { ...setState(agent, 'Ready'), agentId: '5999@test.cc', loginId: '5999@test.cc' }
    await expectError(await csta(p, 'POST', url, session, ghost), 452)
    await expectError(
      await csta(p, 'POST', url, session, setState(agent, 'Ready', other.extension)),
      453,
    )
    // Another agent's device is not in this call; a device of another tenant is illegal.
    const callId = agent.callId!
    const wrongDevice = `/api/csta/callControl/calls/${callId}/connections/${encodeURIComponent(`${other.extension}|${callId}`)}`
    await expectError(await csta(p, 'DELETE', wrongDevice, session), 456)
    const foreign = `/api/csta/callControl/calls/${callId}/connections/${encodeURIComponent(`8001@other.cc|${callId}`)}`
    await expectError(await csta(p, 'DELETE', foreign, session), 453)
    // A device without its domain is no device id to the platform (seed 003 §6, 14005).
    const bareExtension = agent.extension.split('@')[0]!
    const bare = `/api/csta/callControl/calls/${callId}/connections/${encodeURIComponent(`${bareExtension}|${callId}`)}`
    await expectError(await csta(p, 'DELETE', bare, session), 453, /carries no domain/)
    await expectError(
      await csta(p, 'POST', `${bare}/singleStepConference`, session, {
        conferenceParticipant: '8099',
      }),
      453,
    )
    await expectError(
      await csta(p, 'POST', `/api/csta/callControl/calls/${callId}/spy?deviceId=8099`, session),
      453,
    )
    await expectError(
      await csta(p, 'POST', url, session, setState(other, 'Ready', bareExtension)),
      453,
      /^illegal extension: device /,
    )
    // Malformed requests name the field.
    const mismatch = `/api/csta/callControl/calls/${callId}/connections/${encodeURIComponent(`${agent.extension}|another-call`)}`
    await expectError(await csta(p, 'DELETE', mismatch, session), 400, /^connectionId:/)
    await expectError(
      await csta(p, 'POST', `${connection(agent)}/singleStepTransfer`, session, { to: '8099' }),
      400,
      /^transferTo:/,
    )
    await expectError(
      await csta(p, 'POST', url, session, setState(agent, 'Sleeping')),
      400,
      /^agentMode:/,
    )
    await expectError(
      await csta(p, 'POST', url, session, { ...setState(other, 'Ready'), loginId: '5999@test.cc' }),
      400,
      /^loginId:/,
    )
    const notJson = await p.app.inject({
      method: 'POST',
      url,
      headers: { ...JSON_UTF8, sessionId: session },
      payload: '{"func":',
    })
    await expectError(notJson, 400)
    // None of it touched the floor.
    await p.flush()
    expect(p.events.slice(from).filter((e) => e.id === agent.id)).toEqual([])
    expect(agent.state).toBe('InboundTalking')
  })
})
