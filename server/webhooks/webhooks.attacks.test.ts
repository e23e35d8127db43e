import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FloorSnapshot } from '@/shared/floor'
import {
  callEndEvent,
  OTHER_TOKEN,
  type Session,
  startTestRelay,
  TEST_TOKEN,
  type TestRelay,
} from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

/*
 * Attacks on the webhook, as a tenant's platform (or anyone holding one token) would try them:
 * writing another tenant's floor, and sending fields no platform sends to grow the relay.
 */

let relay: TestRelay
beforeEach(async () => {
  relay = await startTestRelay()
})
afterEach(async () => {
  await relay.close()
})

interface Health {
  agents: number
  webhooks: Record<string, unknown> & { ignored: Record<string, unknown> }
}

async function health(): Promise<Health> {
  await relay.createUser({ username: 'ops', role: 'admin' })
  const res = await (await relay.signIn('ops')).fetch('/api/health/details')
  return (await res.json()) as Health
}

async function floorOf(session: Session): Promise<FloorSnapshot> {
  return (await (await session.fetch('/api/floor')).json()) as FloorSnapshot
}

function storedAgentEvents(): number {
  return (relay.db.prepare('SELECT COUNT(*) AS n FROM agent_events').get() as { n: number }).n
}

function storedCalls(namespace: string): number {
  return (
    relay.db.prepare('SELECT COUNT(*) AS n FROM calls WHERE namespace = ?').get(namespace) as {
      n: number
    }
  ).n
}

describe('one tenant’s token and another tenant’s floor', () => {
  it('refuses with 403 an event for another tenant, counts it, and leaves that floor as it was', async () => {
    const b = { token: OTHER_TOKEN }
    const placed = await relay.post(
      agentEvent({ id: '5001@other.cc', namespace: 'other.cc', serial: 1, acState: 'Available' }),
      b,
    )
    expect(placed.status).toBe(200)
    await relay.createUser({ username: 'lead-b', role: 'supervisor', namespace: 'other.cc' })
    const leadB = await relay.signIn('lead-b')
    const before = await floorOf(leadB)

    // Tenant A's token (test.cc) tries tenant B's floor: named explicitly, by the agent id's
    // domain alone, and with a call record.
    const explicit = await relay.post(
      agentEvent({ id: '5001@other.cc', namespace: 'other.cc', serial: 2, acState: 'Aux' }),
    )
    expect(explicit.status).toBe(403)
    expect(explicit.body.message).toMatch(
      /^namespace: this token admits events of test\.cc only, not of other\.cc/,
    )
    const byDomain = await relay.post(
      agentEvent({ id: '5002@other.cc', namespace: undefined, serial: 3, name: '冒名' }),
    )
    expect(byDomain.status).toBe(403)
    const call = await relay.post(
      callEndEvent({
        namespace: null,
        agentId: '5001@other.cc',
        deviceId: '8001@other.cc',
        callId: 'forged-1',
      }),
    )
    expect(call.status).toBe(403)
    // And the other way round.
    const reverse = await relay.post(agentEvent({ id: '5009@test.cc', namespace: 'test.cc' }), b)
    expect(reverse.status).toBe(403)

    const after = await floorOf(leadB)
    expect(after.agents).toEqual(before.agents)
    expect(after.agents.map((a) => [a.id, a.acState])).toEqual([['5001@other.cc', 'Available']])
    expect(storedCalls('other.cc')).toBe(0)
    expect((await floorOf(relay.lead)).agents).toEqual([])
    const stats = (await health()).webhooks
    expect(stats.forbidden).toBe(4)
    expect(stats.applied).toBe(1)
  })

  it('admits with each token the events of its own tenant', async () => {
    const a = await relay.post(agentEvent({ id: '5001@test.cc', namespace: 'test.cc' }))
    const b = await relay.post(agentEvent({ id: '5001@other.cc', namespace: 'other.cc' }), {
      token: OTHER_TOKEN,
    })
    const bCall = await relay.post(
      callEndEvent({ namespace: undefined, agentId: '5001@other.cc', callId: 'b-1' }),
      { token: OTHER_TOKEN },
    )
    expect([a.status, b.status, bCall.status]).toEqual([200, 200, 200])
    expect((await floorOf(relay.lead)).agents.map((x) => x.id)).toEqual(['5001@test.cc'])
    expect(storedCalls('other.cc')).toBe(1)
    // A wrong token is still a 401, not a 403: it admits nothing at all.
    const wrong = await relay.post(agentEvent(), { token: `${OTHER_TOKEN}x` })
    expect(wrong.status).toBe(401)
  })

  it('admits two tokens of one tenant at once, so its callback URL can change without a gap', async () => {
    await relay.close()
    relay = await startTestRelay({
      env: {
        WEBHOOK_TOKENS: `other.cc=${OTHER_TOKEN},other.cc=other-next-token-9876543210`,
      },
    })
    const old = await relay.post(agentEvent({ id: '5001@other.cc', namespace: 'other.cc' }), {
      token: OTHER_TOKEN,
    })
    const next = await relay.post(agentEvent({ id: '5002@other.cc', namespace: 'other.cc' }), {
      token: 'other-next-token-9876543210',
    })
    expect([old.status, next.status]).toEqual([200, 200])
    const test = await relay.post(agentEvent({ id: '5001@test.cc' }), { token: TEST_TOKEN })
    expect(test.status).toBe(200)
  })
})

describe('fields no platform sends', () => {
  async function refused(
    event: Record<string, unknown>,
    field: RegExp,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await relay.post(event)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.message).toMatch(field)
    return res
  }

  it('refuses an oversized id, name, list or whole event, naming it, and keeps nothing', async () => {
    await refused(agentEvent({ id: `${'9'.repeat(300)}@test.cc` }), /^id: at most 256 characters/)
    await refused(agentEvent({ name: '名'.repeat(1001) }), /^name: at most 1000 characters/)
    await refused(agentEvent({ reason: 'r'.repeat(1001) }), /^reason: at most 1000 characters/)
    await refused(agentEvent({ orgId: 'o'.repeat(257) }), /^orgId: at most 256 characters/)
    await refused(agentEvent({ namespace: 't'.repeat(257) }), /^namespace: /)
    const skills = Array.from({ length: 201 }, (_, i) => `${7000 + i}@test.cc`)
    await refused(agentEvent({ skills }), /^skills: at most 200 items/)
    await refused(agentEvent({ skills: skills.join(',') }), /^skills: at most 200 items/)
    await refused(agentEvent({ skills: ['s'.repeat(257)] }), /^skills: each item at most 256/)
    await refused(callEndEvent({ callId: 'c'.repeat(257) }), /^callId: at most 256 characters/)
    await refused(callEndEvent({ hangupCause: 'h'.repeat(1001) }), /^hangupCause: /)
    await refused(
      callEndEvent({ segmentList: Array.from({ length: 201 }, () => ({})) }),
      /^segmentList: at most 200 segments/,
    )
    await refused(callEndEvent({ relatedCalls: Array(201).fill('x') }), /^relatedCalls: /)

    // The review's 1 MB agent id, and padding in a field the console does not read: an agent
    // event is at most 64 KB, whatever it is made of.
    const huge = await relay.post(agentEvent({ id: `${'9'.repeat(1024 * 1024 - 100)}@test.cc` }))
    expect(huge.status).toBe(413)
    const padded = await relay.post(agentEvent({ padding: 'x'.repeat(65 * 1024) }))
    expect(padded.status).toBe(413)
    expect(padded.body.message).toMatch(/^\(body\): an agentStateEvent may be at most 65536 bytes/)

    expect((await floorOf(relay.lead)).agents).toEqual([])
    expect(storedAgentEvents()).toBe(0)
    expect(storedCalls('test.cc')).toBe(0)
  })

  it('refuses a negative serial, a time out of range, an endless duration, naming each', async () => {
    await refused(agentEvent({ serial: -1 }), /^serial: expected an integer from 0/)
    await refused(agentEvent({ serial: '-5' }), /^serial: /)
    // stateChangeTime never refuses an event (it falls back to timestamp): its neighbour does.
    await refused(
      agentEvent({ lastStateChangeTime: '9999.12.31 23:59:59.000' }),
      /^lastStateChangeTime: expected a time from 2000-01-01/,
    )
    await refused(agentEvent({ timestamp: '1970.01.02 00:00:00' }), /^timestamp: /)
    await refused(agentEvent({ lastStateLength: -3 }), /^lastStateLength: expected seconds/)
    await refused(callEndEvent({ talkLength: 1e308 }), /^talkLength: expected seconds from 0/)
    await refused(callEndEvent({ queueLength: -1 }), /^queueLength: /)
    await refused(callEndEvent({ customerRingLength: 8 * 24 * 3600 }), /^customerRingLength: /)
    await refused(callEndEvent({ deviceRingLength: '1e999' }), /^deviceRingLength: /)
    await refused(callEndEvent({ endTime: '9999.01.01 00:00:00' }), /^endTime: /)
    await refused(callEndEvent({ resultCode: 2 ** 40 }), /^resultCode: expected an integer from/)
    await refused(callEndEvent({ serial: -1 }), /^serial: /)

    expect((await floorOf(relay.lead)).agents).toEqual([])
    expect(storedAgentEvents()).toBe(0)
    expect(storedCalls('test.cc')).toBe(0)
    expect((await health()).webhooks.invalid).toBe(12)
  })

  it('still takes an event with every field at its limit, and a time a few hours ahead', async () => {
    const soon = new Date(Date.now() + 3 * 3600_000).toISOString()
    const res = await relay.post(
      agentEvent({
        id: `${'9'.repeat(248)}@test.cc`,
        name: '名'.repeat(1000),
        skills: Array.from({ length: 200 }, (_, i) => `${'s'.repeat(240)}${i}`),
        stateChangeTime: soon,
        lastStateLength: 14 * 24 * 3600, // back from a two-week holiday
        serial: 0,
      }),
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const call = await relay.post(
      callEndEvent({ talkLength: 7 * 24 * 3600, resultCode: -(2 ** 31), queueLength: '0' }),
    )
    expect(call.status, JSON.stringify(call.body)).toBe(200)
  })
})

describe('the webhook counters', () => {
  it('count event names such as constructor and __proto__ as themselves, as plain numbers', async () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'constructor']
    for (const eventName of names) {
      expect((await relay.post({ eventName })).status).toBe(202)
    }
    const long = await relay.post({ eventName: 'e'.repeat(10 * 1024) })
    expect(long.status).toBe(202)

    const { ignored } = (await health()).webhooks
    expect(Object.entries(ignored).sort()).toEqual([
      ['(other)', 1],
      ['__proto__', 1],
      ['constructor', 2],
      ['hasOwnProperty', 1],
      ['toString', 1],
    ])
    expect(({} as Record<string, unknown>).constructor).toBe(Object)
    // Nor is a long name echoed back in full.
    expect(String(long.body.message).length).toBeLessThan(200)
  })
})
