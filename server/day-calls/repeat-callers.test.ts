import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AgentView, CallSummary, FloorChange } from '@/shared/floor'
import type { FloorSettings } from '@/shared/settings'
import { agentEvent } from '../testing/agent-event'
import {
  applyTo,
  callEndEvent,
  type FloorClient,
  nextEvent,
  type Session,
  startTestRelay,
  type TestRelay,
} from '../testing/test-relay'

const NOW = Date.now()
const t = (secAgo: number) => new Date(NOW - secAgo * 1000).toISOString()
const CUSTOMER = '13912345678'
const OTHER = '13787654321'

let relay: TestRelay
let admin: Session
beforeEach(async () => {
  relay = await startTestRelay()
  await relay.createUser({ username: 'root', role: 'admin' })
  admin = await relay.signIn('root')
})
afterEach(async () => {
  await relay.close()
})

async function setRepeatMin(value: unknown): Promise<Response> {
  const current = (await (await admin.fetch('/api/settings')).json()) as FloorSettings
  return admin.fetch('/api/settings', {
    method: 'PUT',
    json: { ...current, repeatCallsMin: value },
  })
}

/** A call of `phone` that gave up in the queue, ending `secAgo` seconds ago. */
function abandoned(callId: string, phone: string, secAgo: number) {
  return callEndEvent({
    callId,
    ani: phone,
    customerPhone: phone,
    agentId: null,
    deviceId: null,
    startTime: t(secAgo + 40),
    answerTime: null,
    endTime: t(secAgo),
    queueLength: 40,
    talkLength: 0,
    endReason: 'QueueAbandon',
  })
}

/** Posts an event and waits for the floor batch that `accept` recognizes. */
async function postAndSee(
  client: FloorClient,
  event: Record<string, unknown>,
  accept: (c: FloorChange) => boolean,
): Promise<FloorChange> {
  const seen = nextEvent(client, 'floor:changed', accept)
  expect((await relay.post(event)).status).toBe(200)
  return seen
}

const endedCall = (callId: string) => (c: FloorChange) =>
  (c.calls ?? []).some((call) => call.callId === callId)
const callOf = (c: FloorChange, callId: string): CallSummary =>
  c.calls!.find((call) => call.callId === callId)!

describe('repeat callers', () => {
  it('flag the N-th call of a number that reached the center today, not the one before', async () => {
    expect((await setRepeatMin(3)).status).toBe(200)
    const client = relay.client()
    const floor = new Map<string, AgentView>()
    for (const a of (await nextEvent(client, 'floor:snapshot')).agents) floor.set(a.id, a)
    client.on('floor:changed', (c) => applyTo(floor, c))

    // 1st: the customer gave up in the queue.
    let batch = await postAndSee(client, abandoned('rc-1', CUSTOMER, 900), endedCall('rc-1'))
    expect(callOf(batch, 'rc-1').callerCallsToday).toBeUndefined()

    // An agent called the customer: placed by the center, it does not count.
    batch = await postAndSee(
      client,
      callEndEvent({
        callId: 'rc-2',
        callType: 'Outbound',
        ani: '33255500',
        dnis: CUSTOMER,
        customerPhone: CUSTOMER,
        skillId: null,
        startTime: t(800),
        answerTime: t(790),
        endTime: t(700),
      }),
      endedCall('rc-2'),
    )
    expect(callOf(batch, 'rc-2').callerCallsToday).toBeUndefined()

    // 2nd (N − 1): an agent takes the customer's call; the tile has no flag.
    await postAndSee(
      client,
      agentEvent({
        acState: 'InboundTalking',
        lastACState: 'InboundRinging',
        callId: 'rc-3',
        customerNumber: CUSTOMER,
        workSkill: '7001@test.cc',
        stateChangeTime: t(600),
      }),
      () => floor.get('5001@test.cc')?.callId === 'rc-3',
    )
    expect(floor.get('5001@test.cc')!.callerCallsToday ?? null).toBeNull()

    // 3rd (N): the customer gives up on another line meanwhile: the agent's tile, still on the
    // call, now shows the third call of the day (two ended, and the one in progress).
    batch = await postAndSee(client, abandoned('rc-4', CUSTOMER, 500), endedCall('rc-4'))
    expect(callOf(batch, 'rc-4').callerCallsToday).toBeUndefined()
    await expect.poll(() => floor.get('5001@test.cc')!.callerCallsToday).toBe(3)

    // The agent's call ends: in the latest calls it is the third of the day, flagged.
    batch = await postAndSee(
      client,
      callEndEvent({
        callId: 'rc-3',
        ani: CUSTOMER,
        customerPhone: CUSTOMER,
        startTime: t(620),
        answerTime: t(600),
        endTime: t(400),
      }),
      endedCall('rc-3'),
    )
    expect(callOf(batch, 'rc-3').callerCallsToday).toBe(3)

    // Another number's first call is not flagged; a new screen sees the same feed.
    await postAndSee(client, abandoned('rc-5', OTHER, 300), endedCall('rc-5'))
    const snap = await nextEvent(relay.client(), 'floor:snapshot')
    expect(snap.latestCalls.map((c) => [c.callId, c.callerCallsToday ?? null])).toEqual([
      ['rc-1', null],
      ['rc-2', null],
      ['rc-4', null],
      ['rc-3', 3],
      ['rc-5', null],
    ])
    expect(snap.agents.find((a) => a.id === '5001@test.cc')!.callerCallsToday).toBe(3)
  })

  it('show the count on the call-back list and follow the admin setting', async () => {
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    let seen = nextEvent(client, 'floor:changed', (c) => c.callBacks?.waitingCount === 1)
    expect((await relay.post(abandoned('cb-1', CUSTOMER, 900))).status).toBe(200)
    // The default: the second call of the day is a repeat; the first is not.
    expect((await seen).callBacks!.waiting[0]!.callerCallsToday).toBeUndefined()
    seen = nextEvent(client, 'floor:changed', (c) => c.callBacks?.waiting[0]?.attempts === 2)
    expect((await relay.post(abandoned('cb-2', CUSTOMER, 800))).status).toBe(200)
    expect((await seen).callBacks!.waiting[0]!.callerCallsToday).toBe(2)

    // Raised to 3: two calls are no longer a repeat.
    seen = nextEvent(
      client,
      'floor:changed',
      (c) => c.callBacks !== undefined && c.callBacks.waiting[0]?.callerCallsToday === undefined,
    )
    expect((await setRepeatMin(3)).status).toBe(200)
    expect((await seen).callBacks!.waiting[0]!.attempts).toBe(2)
  })

  it('refuse a minimum outside 2..20, naming the field', async () => {
    for (const bad of [1, 21, 2.5, 'three']) {
      const res = await setRepeatMin(bad)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { message: string }).message).toMatch(/^repeatCallsMin: /)
    }
    expect((await setRepeatMin(20)).status).toBe(200)
    const s = (await (await relay.lead.fetch('/api/settings')).json()) as FloorSettings
    expect(s.repeatCallsMin).toBe(20)
  })
})
