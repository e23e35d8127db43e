import { afterEach, describe, expect, it } from 'vitest'
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

// A quiet floor (no calls of its own) where every customer answers.
async function setup(args: string[] = []) {
  const p = (platform = startPlatform(
    ['--rate', '0', '--outbound-rate', '0', ...args],
    5,
    undefined,
    {
      outboundAnswerShare: 1,
    },
  ))
  p.sim.start()
  await p.advance(10 * SECOND)
  return { p, token: await p.token() }
}

const instant = (p: Platform, token: string, body: unknown) =>
  p.app.inject({
    method: 'POST',
    url: '/api/ocm/instant/smart',
    headers: { wellcloud_token: token },
    payload: body as Record<string, unknown>,
  })

const CALLEE = '13912345678'
const BODY = {
  activityId: 'camp-01',
  callee: CALLEE,
  caller: '8001@test.cc',
  data: { orderId: 'A-17', amount: 120 },
  domain: 'test.cc',
  rosterId: 'r-42',
  tenantId: 'demo-tenant',
}

/** The one call the floor is running (the test's). */
function onlyCall(p: Platform) {
  const calls = p.sim.center.activeCalls()
  expect(calls).toHaveLength(1)
  return calls[0]!
}

describe('instant auto-outbound (seed 003 §5.1)', () => {
  it('refuses a body missing any required field with 400 naming it, and dials nothing', async () => {
    const { p, token } = await setup()
    for (const field of [
      'activityId',
      'callee',
      'caller',
      'data',
      'domain',
      'rosterId',
      'tenantId',
    ]) {
      const body: Record<string, unknown> = { ...BODY }
      delete body[field]
      const res = await instant(p, token, body)
      expect(res.statusCode, field).toBe(400)
      expect(res.json()).toMatchObject({
        errorCode: 400,
        errorMessage: expect.stringContaining(field) as string,
      })
    }
    expect((await instant(p, token, { ...BODY, data: 'x' })).statusCode).toBe(400)
    expect((await instant(p, token, { ...BODY, activityId: '' })).statusCode).toBe(400)
    expect(p.sim.center.activeCalls()).toHaveLength(0)
  })

  it('answers fail with the reason for a wrong tenant, domain, campaign or number', async () => {
    const { p, token } = await setup()
    const cases: [Partial<typeof BODY>, string][] = [
      [{ tenantId: 'other' }, '租户不存在'],
      [{ domain: 'other.cc' }, '域名与租户不符'],
      [{ activityId: 'camp-99' }, '活动不存在'],
      [{ callee: '139-1234' }, '被叫号码不合法'],
      [{ caller: '8001@other.cc' }, '转接号码不合法'],
      [{ caller: 'desk' }, '转接号码不合法'],
    ]
    for (const [change, reason] of cases) {
      const res = await instant(p, token, { ...BODY, ...change })
      expect(res.statusCode).toBe(200)
      const answer = res.json<{ result: string; reason: string }>()
      expect(answer.result).toBe('fail')
      expect(answer.reason).toContain(reason)
    }
    expect(p.sim.center.activeCalls()).toHaveLength(0)
    const noToken = await instant(p, 'nope', BODY)
    expect(noToken.statusCode).toBe(401)
  })

  it('dials the customer and hands the answered call to a free agent: AgentAutoRinging, AgentAutoTalking, callEnd, recording', async () => {
    const { p, token } = await setup()
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    const from = p.events.length
    // The extension without its domain, as a team lead may type it.
    const bare = agent.extension.split('@')[0]!
    const res = await instant(p, token, { ...BODY, caller: bare, id: 'task-7' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ result: 'success', reason: null })
    const call = onlyCall(p)
    await p.flush()
    // The customer's phone rings first: the agent is not disturbed yet.
    expect(agentEventsOfCall(p, from, call.id)).toEqual([])
    const end = await runUntilCallEnded(p, call.id)
    await p.advance(SECOND)
    const states = newEvents(p, from)
      .filter((e) => e.eventName === 'agentStateEvent' && e.id === agent.id)
      .map((e) => e.acState)
    expect(states.slice(0, 2)).toEqual(['AgentAutoRinging', 'AgentAutoTalking'])
    expect(states).toContain('Acw')
    expect(agentEventsOfCall(p, from, call.id)[0]).toMatchObject({
      acState: 'AgentAutoRinging',
      lastACState: 'Available',
      callId: call.id,
    })
    expect(end).toMatchObject({
      callType: 'Outbound',
      customerPhone: CALLEE,
      agentId: agent.id,
      deviceId: agent.extension,
      userData: { orderId: 'A-17', amount: '120' },
      campaignInfo: { campaignId: 'camp-01', rosterId: 'r-42', id: 'task-7' },
    })
    expect(end.answerTime).not.toBeNull()
    const recordings = await p.app.inject({
      method: 'GET',
      url: `/api/cdr/2.0/recordings/open/call/${call.id}`,
      headers: { wellcloud_token: token },
    })
    expect(recordings.statusCode).toBe(200)
  })

  it('connects the call to an outside number with no agent', async () => {
    const { p, token } = await setup()
    const from = p.events.length
    expect((await instant(p, token, { ...BODY, caller: '02133255500' })).json()).toMatchObject({
      result: 'success',
    })
    const call = onlyCall(p)
    const end = await runUntilCallEnded(p, call.id)
    expect(end).toMatchObject({ agentId: null, deviceId: '02133255500', customerPhone: CALLEE })
    expect(end.answerTime).not.toBeNull()
    // No agent took part: no agent's state names the call.
    expect(agentEventsOfCall(p, from, call.id)).toEqual([])
  })

  it('drops the customer when the agent is busy by the time they answer (TransferFailed)', async () => {
    const { p, token } = await setup()
    const agent = await waitForAgent(p, (a) => a.state === 'Available')
    p.sim.center.forceAgentState(agent, 'Aux')
    await p.flush()
    const from = p.events.length
    await instant(p, token, { ...BODY, caller: agent.extension })
    const call = onlyCall(p)
    const end = await runUntilCallEnded(p, call.id)
    expect(end).toMatchObject({ endReason: 'TransferFailed', agentId: null, customerPhone: CALLEE })
    expect(newEvents(p, from).filter((e) => e.id === agent.id)).toEqual([])
    expect(agent.state).toBe('Aux')
  })

  it('takes the tenant id set with --tenant-id', async () => {
    const { p, token } = await setup(['--tenant-id', 'acme-01'])
    const res = await instant(p, token, { ...BODY, tenantId: 'acme-01' })
    expect(res.json()).toEqual({ result: 'success', reason: null })
    expect((await instant(p, token, BODY)).json()).toMatchObject({ result: 'fail' })
  })
})
