import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallsPage } from '@/shared/cdr'
import { formatQueryTime, startOfPlatformDay } from '@/shared/platform-time'
import { FakePlatform, gatewayEnv } from '../testing/fake-platform'
import { callEndEvent, type Session, startTestRelay, type TestRelay } from '../testing/test-relay'

// A past day's call records: the platform lists them, the relay counts each number's calls of
// that day from the callEnds it stored then.
const TZ = 'Asia/Shanghai'
const CUSTOMER = '13912345678'
const HOUR = 3600_000
// Noon of the platform's yesterday.
const NOON = startOfPlatformDay(Date.now(), TZ) - 12 * HOUR
const at = (minutes: number) => new Date(NOON + minutes * 60_000).toISOString()

let platform: FakePlatform
let relay: TestRelay
let lead: Session

/** The platform's §4.5 rows of yesterday's calls, as it would list them. */
const ROWS = ['y-1', 'y-2', 'y-3', 'y-4'].map((callId, i) => ({
  callId,
  ani: callId === 'y-2' ? '33255500' : CUSTOMER,
  dnis: callId === 'y-2' ? CUSTOMER : '33255500',
  beginTime: formatQueryTime(NOON + i * 10 * 60_000, TZ),
}))

beforeEach(async () => {
  platform = await new FakePlatform().start()
  platform.on((r) => {
    const path = r.url.split('?')[0]!
    if (path === '/accesstoken/apply') return { status: 200, body: { accessToken: 'tok-1' } }
    if (path === '/api/cdr/2.0/calls/open') return { status: 200, body: { total: 4, list: ROWS } }
    return undefined
  })
  relay = await startTestRelay({ env: gatewayEnv(platform.url) })
  lead = relay.lead
})

afterEach(async () => {
  await relay.close()
  await platform.stop()
})

describe("a past day's call records", () => {
  it("carry each repeat call's place among its number's calls that reached the center", async () => {
    const post = async (over: Record<string, unknown>) =>
      expect((await relay.post(callEndEvent(over))).status).toBe(200)
    const inbound = (callId: string, minute: number, more: Record<string, unknown> = {}) =>
      post({
        callId,
        ani: CUSTOMER,
        customerPhone: CUSTOMER,
        startTime: at(minute),
        answerTime: at(minute + 1),
        endTime: at(minute + 5),
        ...more,
      })
    // Yesterday: abandoned, then called by an agent (not counted), then twice more.
    await inbound('y-1', 0, { answerTime: null, agentId: null, endReason: 'QueueAbandon' })
    await post({
      callId: 'y-2',
      callType: 'Outbound',
      ani: '33255500',
      dnis: CUSTOMER,
      customerPhone: CUSTOMER,
      skillId: null,
      startTime: at(10),
      answerTime: at(11),
      endTime: at(15),
    })
    await inbound('y-3', 20)
    await inbound('y-4', 30)

    const res = await lead.fetch(
      `/api/calls?${new URLSearchParams({
        beginTime: formatQueryTime(NOON - 12 * HOUR, TZ),
        endTime: formatQueryTime(NOON + 11 * HOUR, TZ),
        ani: CUSTOMER,
      }).toString()}`,
    )
    expect(res.status).toBe(200)
    const { list } = (await res.json()) as CallsPage
    expect(list.map((r) => [r.callId, r.callerCallsToday ?? null])).toEqual([
      ['y-1', null],
      ['y-2', null],
      ['y-3', 2],
      ['y-4', 3],
    ])
  })
})
