import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callEndEvent, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

let relay: TestRelay
beforeEach(async () => {
  relay = await startTestRelay()
})
afterEach(async () => {
  await relay.close()
})

async function health(): Promise<{ agents: number; webhooks: Record<string, unknown> }> {
  await relay.createUser({ username: 'ops', role: 'admin' })
  const res = await (await relay.signIn('ops')).fetch('/api/health/details')
  return (await res.json()) as { agents: number; webhooks: Record<string, unknown> }
}

describe('POST /webhooks/wellcloud', () => {
  it('accepts a valid agentStateEvent and puts the agent on the floor', async () => {
    const res = await relay.post(
      agentEvent({ id: '5009@test.cc', acState: 'InboundTalking', callId: 'c-9' }),
    )
    expect(res).toEqual({ status: 200, body: { result: 'applied' } })
    expect((await health()).agents).toBe(1)
  })

  it('refuses a missing or wrong token with 401 and changes nothing', async () => {
    expect((await relay.post(agentEvent(), { token: null })).status).toBe(401)
    expect((await relay.post(agentEvent(), { token: 'wrong-token-wrong-token' })).status).toBe(401)
    expect((await relay.post(agentEvent(), { token: '' })).status).toBe(401)
    expect((await health()).agents).toBe(0)
  })

  it('answers 400 naming the field of the wrong type', async () => {
    const res = await relay.post(agentEvent({ serial: 'ten' }))
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/^serial: /)
    const time = await relay.post(agentEvent({ lastStateChangeTime: 'yesterday noon' }))
    expect(time.status).toBe(400)
    expect(time.body.message).toMatch(/lastStateChangeTime: expected a platform time/)
    const skills = await relay.post(agentEvent({ skills: { a: 1 } }))
    expect(skills.body.message).toMatch(/^skills: /)
    const talk = await relay.post(callEndEvent({ talkLength: 'long' }))
    expect(talk.status).toBe(400)
    expect(talk.body.message).toMatch(/talkLength: /)
    const callId = await relay.post(callEndEvent({ callId: undefined }))
    expect(callId.body.message).toMatch(/callId: /)
  })

  it('answers 400 to malformed JSON, an empty body and a body that is not an object', async () => {
    const broken = await relay.post(null, { raw: '{"eventName": "agentSt' })
    expect(broken.status).toBe(400)
    expect(broken.body.message).toMatch(/not valid JSON/)
    expect((await relay.post(null, { raw: '' })).status).toBe(400)
    const array = await relay.post([agentEvent()])
    expect(array.status).toBe(400)
    expect(array.body.message).toMatch(/one JSON object/)
    const noName = await relay.post({ serial: 1 })
    expect(noName.status).toBe(400)
    expect(noName.body.message).toMatch(/^eventName: /)
  })

  it('reads JSON whatever the Content-Type says', async () => {
    const res = await relay.post(agentEvent(), { contentType: 'text/plain; charset=UTF-8' })
    expect(res.status).toBe(200)
  })

  it('acknowledges an unknown eventName with 202 and counts it', async () => {
    const res = await relay.post({ eventName: 'queueStateEvent', foo: 1 })
    expect(res.status).toBe(202)
    await relay.post({ eventName: 'queueStateEvent' })
    expect((await health()).webhooks.ignored).toEqual({ queueStateEvent: 2 })
  })

  it('refuses a body over 1 MB with 413, and still serves the next request', async () => {
    const big = JSON.stringify(agentEvent({ name: 'x'.repeat(1024 * 1024 + 10) }))
    expect((await relay.post(null, { raw: big })).status).toBe(413)
    expect((await relay.post(agentEvent())).status).toBe(200)
  })

  it('survives hostile bodies: deep nesting, prototype keys, huge numbers', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const nested = await relay.post(null, {
      raw: `{"eventName":"callEnd","callId":"deep-1","namespace":"test.cc","userData":{"x":${deep}}}`,
    })
    expect([200, 400]).toContain(nested.status)
    const proto = await relay.post(
      callEndEvent({
        callId: 'proto-1',
        userData: JSON.parse('{"__proto__":{"polluted":true}}') as object,
      }),
    )
    expect(proto.status).toBe(200)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const huge = await relay.post(agentEvent({ serial: 1e30 }))
    expect(huge.status).toBe(400)
    expect(huge.body.message).toMatch(/serial: expected an integer/)
    expect((await relay.post(agentEvent())).status).toBe(200)
  })

  it('stores a callEnd once however often the platform retries it', async () => {
    const call = callEndEvent({ callId: 'retry-me' })
    expect((await relay.post(call)).body.result).toBe('applied')
    expect((await relay.post(call)).body.result).toBe('duplicate')
    expect((await relay.post(call)).body.result).toBe('duplicate')
    const rows = relay.db
      .prepare("SELECT COUNT(*) AS n FROM calls WHERE call_id = 'retry-me'")
      .get() as { n: number }
    expect(rows.n).toBe(1)
  })

  it('applies an event whose stateChangeTime is unreadable or missing, its timer approximate', async () => {
    const unreadable = await relay.post(
      agentEvent({ id: '5201@test.cc', stateChangeTime: 'yesterday noon' }),
    )
    expect(unreadable.status, JSON.stringify(unreadable.body)).toBe(200)
    const before = Date.now()
    const bare = await relay.post(
      agentEvent({ id: '5202@test.cc', stateChangeTime: undefined, timestamp: undefined }),
    )
    expect(bare.status, JSON.stringify(bare.body)).toBe(200)
    const agents = (await (await relay.lead.fetch('/api/floor')).json()) as {
      agents: { id: string; stateSince: number; approxTime?: boolean }[]
    }
    const byId = new Map(agents.agents.map((a) => [a.id, a]))
    // The event's own timestamp stands in, then the time the relay received it.
    expect(byId.get('5201@test.cc')).toMatchObject({
      stateSince: Date.UTC(2026, 10, 21, 2, 0),
      approxTime: true,
    })
    expect(byId.get('5202@test.cc')?.approxTime).toBe(true)
    expect(byId.get('5202@test.cc')!.stateSince).toBeGreaterThanOrEqual(before)
  })

  it('parses every time format the seeds show, in PLATFORM_TZ', async () => {
    await relay.post(
      agentEvent({ id: '5101@test.cc', serial: 1, stateChangeTime: '2018.06.12 11:33:56.368' }),
    )
    await relay.post(
      agentEvent({ id: '5102@test.cc', serial: 2, stateChangeTime: '2018-12-01 00:00:00' }),
    )
    const rows = relay.db
      .prepare(
        "SELECT agent_id, state_change_time AS t FROM agent_events WHERE agent_id LIKE '510_@test.cc' ORDER BY agent_id",
      )
      .all() as { agent_id: string; t: number }[]
    expect(rows.map((r) => new Date(r.t).toISOString())).toEqual([
      '2018-06-12T03:33:56.368Z',
      '2018-11-30T16:00:00.000Z',
    ])
  })
})
