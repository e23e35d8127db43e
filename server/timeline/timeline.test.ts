import { afterEach, describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import type { AgentTimeline } from '@/shared/timeline'
import { callEndEvent, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'
import { buildTimeline } from './timeline'

const view = (acState: AgentView['acState'], stateSince: number, serial: number): AgentView => ({
  id: 'a',
  name: null,
  namespace: 'n',
  acState,
  acStateRaw: null,
  lastACState: null,
  stateSince,
  callId: null,
  customerNumber: null,
  channelAddr: null,
  skills: [],
  workSkill: null,
  org: { id: null, name: null, treePos: null },
  reason: null,
  serial: String(serial),
})

describe('an agent timeline', () => {
  it('strings the day together from the events, clipped to the day, with totals per family', () => {
    const t = buildTimeline(
      'a',
      'd',
      [
        view('Aux', -100_000, 1),
        view('Available', 10_000, 2),
        view('InboundRinging', 20_000, 4),
        view('Available', 10_000, 2),
        view('InboundTalking', 25_000, 5),
      ],
      [],
      0,
      85_000,
    )
    expect(t.segments.map((s) => [s.acState, s.from, s.to])).toEqual([
      ['Aux', 0, 10_000],
      ['Available', 10_000, 20_000],
      ['InboundRinging', 20_000, 25_000],
      ['InboundTalking', 25_000, 85_000],
    ])
    expect(t.totals.talking).toEqual({ count: 1, seconds: 60 })
    expect(t.totals.available).toEqual({ count: 1, seconds: 10 })
    expect(t.totals.acw).toEqual({ count: 0, seconds: 0 })
  })
})

describe('GET /api/agents/:id/timeline', () => {
  let relay: TestRelay
  afterEach(async () => {
    await relay.close()
  })

  it("shows today's states and calls of an agent in scope, and nobody else's", async () => {
    // Noon of today in platform time (China): the events below never straddle its midnight.
    const DAY_MS = 86_400_000
    const CHINA_MS = 8 * 3_600_000
    const noon = Math.floor((Date.now() + CHINA_MS) / DAY_MS) * DAY_MS + 12 * 3_600_000 - CHINA_MS
    relay = await startTestRelay({ now: () => noon })
    const t = (sec: number) => new Date(noon - sec * 1000).toISOString()
    await relay.post(
      agentEvent({ id: '5001@test.cc', serial: 1, acState: 'Available', stateChangeTime: t(300) }),
    )
    await relay.post(
      agentEvent({
        id: '5001@test.cc',
        serial: 2,
        acState: 'InboundTalking',
        callId: 'c-1',
        stateChangeTime: t(200),
      }),
    )
    await relay.post(
      agentEvent({ id: '5001@test.cc', serial: 3, acState: 'Acw', stateChangeTime: t(100) }),
    )
    await relay.post(
      callEndEvent({
        callId: 'c-1',
        agentId: '5001@test.cc',
        startTime: t(210),
        answerTime: t(200),
        endTime: t(100),
      }),
    )
    const res = await relay.lead.fetch('/api/agents/5001@test.cc/timeline')
    expect(res.status).toBe(200)
    const tl = (await res.json()) as AgentTimeline
    expect(tl.segments.map((s) => s.acState)).toEqual(['Available', 'InboundTalking', 'Acw'])
    expect(tl.totals.talking.seconds).toBeCloseTo(100, 0)
    expect(tl.calls.map((c) => c.callId)).toEqual(['c-1'])

    await relay.createUser({ username: 'lead-b', role: 'supervisor', namespace: 'other.cc' })
    expect(
      (await (await relay.signIn('lead-b')).fetch('/api/agents/5001@test.cc/timeline')).status,
    ).toBe(404)
    expect((await relay.lead.fetch('/api/agents/5001@test.cc/timeline?day=yesterday')).status).toBe(
      400,
    )
  })
})
