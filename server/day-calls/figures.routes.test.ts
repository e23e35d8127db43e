import { afterEach, describe, expect, it } from 'vitest'
import type { TodayFigures } from '@/shared/floor'
import { callEndEvent, type Session, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

const SKILL = '7001@test.cc'
// One reference time for every event, so the stretches between them are exact however slow
// the posts are.
const NOW = Date.now()
const t = (secAgo: number) => new Date(NOW - secAgo * 1000).toISOString()
const DEPT_1 = { orgId: 'org-1', orgName: '客服一部', orgTreePos: '1.1' }
const DEPT_2 = { orgId: 'org-2', orgName: '客服二部', orgTreePos: '1.2' }

/** One agent's states, oldest first: [seconds ago, acState, workSkill]. */
async function states(
  relay: TestRelay,
  id: string,
  dept: typeof DEPT_1,
  steps: [number, string, string | null][],
): Promise<void> {
  for (const [ago, acState, workSkill] of steps) {
    const r = await relay.post(
      agentEvent({ id, ...dept, acState, workSkill, stateChangeTime: t(ago) }),
    )
    expect(r.status).toBe(200)
  }
}

async function call(relay: TestRelay, over: Record<string, unknown>): Promise<void> {
  const r = await relay.post(
    callEndEvent({ startTime: t(700), answerTime: t(600), endTime: t(500), ...over }),
  )
  expect(r.status).toBe(200)
}

async function figures(session: Session, query = ''): Promise<TodayFigures> {
  const res = await session.fetch(`/api/figures${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as TodayFigures
}

/**
 * Two departments on one skill group: 5001 (dept 1) answers fast and handles for 130 s
 * (talk 80 + hold 20 + after-call work 30); 5002 (dept 2) answers late and handles 110 s;
 * one caller gives up before anyone answers.
 */
async function twoDepartments(relay: TestRelay): Promise<void> {
  await states(relay, '5001@test.cc', DEPT_1, [
    [600, 'Available', null],
    [500, 'InboundTalking', SKILL],
    [440, 'Hold', SKILL],
    [420, 'InboundTalking', SKILL],
    [400, 'Acw', null],
    [370, 'Available', null],
  ])
  await states(relay, '5002@test.cc', DEPT_2, [
    [600, 'Available', null],
    [300, 'InboundTalking', SKILL],
    [200, 'Acw', null],
    [190, 'Available', null],
  ])
  await call(relay, { agentId: '5001@test.cc', queueLength: 5 })
  await call(relay, { agentId: '5002@test.cc', queueLength: 40 })
  await call(relay, {
    agentId: null,
    deviceId: null,
    answerTime: null,
    queueLength: 60,
    endReason: 'QueueAbandon',
  })
}

describe('GET /api/figures', () => {
  let relay: TestRelay
  afterEach(async () => {
    await relay.close()
  })

  it("narrows the answering agents' figures to a department; the queue's stay whole", async () => {
    relay = await startTestRelay()
    await twoDepartments(relay)

    const all = (await figures(relay.lead)).total
    expect(all).toMatchObject({ offered: 3, answered: 2, abandoned: 1 })
    expect(all.ahtSec).toBeCloseTo((130 + 110) / 2, 0)
    expect(all.avgHoldSec).toBeCloseTo(20 / 2, 0)
    expect(all.asaSec).toBeCloseTo((5 + 40) / 2)

    const dept1 = (await figures(relay.lead, '?dept=org-1')).total
    expect(dept1).toMatchObject({ answered: 1, asaSec: 5 })
    expect(dept1.ahtSec).toBeCloseTo(130, 0)
    // A call nobody answered belongs to no department: the queue's figures are not narrowed.
    expect(dept1).toMatchObject({ offered: 3, abandoned: 1, serviceLevel: all.serviceLevel })

    const otherSkill = (await figures(relay.lead, '?skill=7999@test.cc')).total
    expect(otherSkill).toMatchObject({ offered: 0, answered: 0 })
  })

  it('keeps a scoped lead within their department whatever they ask for', async () => {
    relay = await startTestRelay()
    await twoDepartments(relay)
    await relay.createUser({ username: 'lead-2', role: 'supervisor', orgPrefix: '1.2' })
    const lead2 = await relay.signIn('lead-2')

    const own = (await figures(lead2)).total
    expect(own).toMatchObject({ answered: 1, asaSec: 40 })
    expect(own.ahtSec).toBeCloseTo(110, 0)
    // Asking for the other department shows nothing of it.
    expect((await figures(lead2, '?dept=org-1')).total).toMatchObject({ answered: 0, ahtSec: null })
  })

  it('refuses a malformed filter, naming the field', async () => {
    relay = await startTestRelay()
    const empty = await relay.lead.fetch('/api/figures?skill=')
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as { message: string }).message).toMatch(/^skill/)
    const many = Array.from({ length: 101 }, (_, i) => `dept=d${i}`).join('&')
    const tooMany = await relay.lead.fetch(`/api/figures?${many}`)
    expect(tooMany.status).toBe(400)
    expect(((await tooMany.json()) as { message: string }).message).toMatch(/^dept/)
  })

  it('counts hold and after-call work again after a restart', async () => {
    relay = await startTestRelay()
    await twoDepartments(relay)
    const before = (await figures(relay.lead)).total.ahtSec
    const dataDir = relay.dataDir
    await relay.close({ keepData: true })
    relay = await startTestRelay({ dataDir })
    expect((await figures(relay.lead)).total.ahtSec).toBeCloseTo(before ?? -1, 3)
  })
})
