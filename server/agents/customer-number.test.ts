import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { FakePlatform } from '../testing/fake-platform'
import { callEndEvent, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

// The customer's number on an agent's tile: from the event when the platform adds it, from the
// call's CDR (§4.4) when the platform has one, else from the callEnd. The platform's gateway is
// a recording stand-in here so each answer can be chosen; the simulator's own behaviour is in
// customer-number.simulator.test.ts.
const CDR_PATH = /^\/api\/cdr\/2\.0\/calls\/open\/call\/([^/?]+)/

let platform: FakePlatform
let relay: TestRelay
/** callId → what §4.4 answers for it; absent: 14011 (no such call yet). */
let cdrs: Record<string, Record<string, unknown>>

beforeEach(async () => {
  cdrs = {}
  platform = await new FakePlatform().start()
  platform.on((r) => {
    if (r.url.startsWith('/accesstoken/apply')) return { status: 200, body: { accessToken: 't' } }
    const m = CDR_PATH.exec(r.url)
    if (!m) return undefined
    const cdr = cdrs[decodeURIComponent(m[1]!)]
    return cdr
      ? { status: 200, body: cdr }
      : { status: 400, body: { errorCode: 14011, errorMessage: 'callId不存在' } }
  })
  relay = await startTestRelay({
    env: {
      WELLCLOUD_BASE_URL: platform.url,
      WELLCLOUD_APP_ID: 'app',
      WELLCLOUD_APP_SECRET: 'secret',
      WELLCLOUD_API_KEY: 'key',
    },
  })
})

afterEach(async () => {
  await relay.close()
  await platform.stop()
})

async function agentOnFloor(id = '5001@test.cc'): Promise<AgentView> {
  const floor = (await (await relay.lead.fetch('/api/floor')).json()) as { agents: AgentView[] }
  return floor.agents.find((a) => a.id === id)!
}

/** Polls the floor until the agent's number is `expected` (lookups run after the answer). */
async function numberBecomes(expected: string | null): Promise<AgentView> {
  let seen: AgentView | undefined
  for (let i = 0; i < 100; i++) {
    seen = await agentOnFloor()
    if (seen.customerNumber === expected) return seen
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`customerNumber stayed ${String(seen?.customerNumber)}`)
}

const cdrRequests = (callId: string) =>
  platform.requests.filter((r) => r.url.includes(`/calls/open/call/${callId}`)).length

const talking = (callId: string, extra: Record<string, unknown> = {}) =>
  agentEvent({ acState: 'InboundTalking', callId, workSkill: '7001@test.cc', ...extra })

describe("the customer's number on the current call", () => {
  it('is taken from the event when the platform sends one, without asking for the CDR', async () => {
    expect((await relay.post(talking('c-event', { customerNumber: '13800138000' }))).status).toBe(
      200,
    )
    expect((await agentOnFloor()).customerNumber).toBe('13800138000')
    // Also under the other names platforms use.
    await relay.post(talking('c-caller', { caller: '02155550000' }))
    expect((await agentOnFloor()).customerNumber).toBe('02155550000')
    expect(cdrRequests('c-event')).toBe(0)
  })

  it("is looked up in the call's CDR, once per call, and shown when it answers", async () => {
    cdrs['c-lookup'] = { callId: 'c-lookup', domain: 'test.cc', customerNo: '13912345678' }
    await relay.post(talking('c-lookup'))
    await numberBecomes('13912345678')
    await relay.post(talking('c-lookup', { acState: 'Hold' }))
    expect((await agentOnFloor()).customerNumber).toBe('13912345678')
    expect(cdrRequests('c-lookup')).toBe(1)
  })

  it("shows none while the CDR does not exist, then the callEnd's customer", async () => {
    await relay.post(talking('c-live'))
    for (let i = 0; i < 100 && cdrRequests('c-live') === 0; i++)
      await new Promise((r) => setTimeout(r, 20))
    expect(cdrRequests('c-live')).toBe(1)
    expect((await agentOnFloor()).customerNumber).toBeNull()
    // The platform keeps the call on the agent through after-call work.
    await relay.post(agentEvent({ acState: 'Acw', callId: 'c-live' }))
    await relay.post(callEndEvent({ callId: 'c-live', customerPhone: '18600001111' }))
    await numberBecomes('18600001111')
  })

  it("does not take another tenant's CDR", async () => {
    cdrs['c-other'] = { callId: 'c-other', domain: 'other.cc', customerNo: '13000000000' }
    await relay.post(talking('c-other'))
    for (let i = 0; i < 100 && cdrRequests('c-other') === 0; i++)
      await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 50))
    expect((await agentOnFloor()).customerNumber).toBeNull()
  })

  it('is cleared when the agent leaves the call', async () => {
    await relay.post(talking('c-end', { customerNumber: '13800138000' }))
    await relay.post(agentEvent({ acState: 'Available', callId: null }))
    expect((await agentOnFloor()).customerNumber).toBeNull()
  })
})
