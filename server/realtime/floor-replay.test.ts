import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type FloorMoments,
  floorMomentsSchema,
  type PastFloor,
  pastFloorSchema,
} from '@/shared/replay'
import { agentEvent } from '../testing/agent-event'
import { callEndEvent, type Session, startTestRelay, type TestRelay } from '../testing/test-relay'

const SKILL_1 = '7001@test.cc'
const SKILL_2 = '7002@test.cc'
// One reference time for every event, so the moments between them are exact however slow the
// posts are.
const NOW = Date.now()
const ago = (sec: number) => NOW - sec * 1000
const iso = (sec: number) => new Date(ago(sec)).toISOString()
const DEPT_1 = { orgId: 'org-1', orgName: '客服一部', orgTreePos: '1.1', skills: [SKILL_1] }
const DEPT_2 = { orgId: 'org-2', orgName: '客服二部', orgTreePos: '1.2', skills: [SKILL_2] }
const DAY_MS = 24 * 60 * 60 * 1000

async function pastFloor(session: Session, at: string | number): Promise<PastFloor> {
  const res = await session.fetch(`/api/floor?at=${encodeURIComponent(String(at))}`)
  expect(res.status).toBe(200)
  return pastFloorSchema.parse(await res.json())
}

async function refusal(session: Session, path: string): Promise<string> {
  const res = await session.fetch(path)
  expect(res.status).toBe(400)
  return ((await res.json()) as { message: string }).message
}

const stateOf = (floor: PastFloor, id: string) => {
  const a = floor.agents.find((v) => v.id === id)
  return a ? { acState: a.acState, stateSince: a.stateSince, callId: a.callId } : null
}

/**
 * 5001 (dept 1) takes a call 500 s ago, goes to after-call work 300 s ago for 100 s (past its
 * amber threshold of 60 s), and is available again; 5002 (dept 2) is in Aux, then available.
 * The call answered fast ends 300 s ago; a caller of skill 1 gives up 150 s ago after a minute:
 * the service level falls to 50 %.
 */
async function morning(relay: TestRelay): Promise<void> {
  const steps: [string, typeof DEPT_1, number, Record<string, unknown>][] = [
    ['5001@test.cc', DEPT_1, 600, { acState: 'Available' }],
    ['5002@test.cc', DEPT_2, 550, { acState: 'Aux', reason: 'Break' }],
    ['5001@test.cc', DEPT_1, 500, { acState: 'InboundTalking', callId: 'c1', workSkill: SKILL_1 }],
    ['5001@test.cc', DEPT_1, 300, { acState: 'Acw', callId: 'c1', workSkill: null }],
    ['5001@test.cc', DEPT_1, 200, { acState: 'Available' }],
    ['5002@test.cc', DEPT_2, 100, { acState: 'Available' }],
  ]
  for (const [id, dept, secAgo, over] of steps) {
    const r = await relay.post(agentEvent({ id, ...dept, stateChangeTime: iso(secAgo), ...over }))
    expect(r.status).toBe(200)
  }
  const calls = [
    {
      callId: 'c1',
      customerPhone: '13900001111',
      startTime: iso(510),
      answerTime: iso(500),
      endTime: iso(300),
      queueLength: 5,
    },
    {
      callId: 'c2',
      agentId: null,
      deviceId: null,
      customerPhone: '13900002222',
      startTime: iso(210),
      answerTime: null,
      endTime: iso(150),
      queueLength: 60,
      endReason: 'QueueAbandon',
    },
  ]
  for (const call of calls) {
    const r = await relay.post(callEndEvent({ skillId: SKILL_1, ...call }))
    expect(r.status).toBe(200)
  }
}

describe('GET /api/floor?at=', () => {
  let relay: TestRelay
  beforeAll(async () => {
    relay = await startTestRelay()
    await morning(relay)
  })
  afterAll(async () => {
    await relay.close()
  })

  it('shows every agent in the state it was in at that moment', async () => {
    const early = await pastFloor(relay.lead, ago(520))
    expect(stateOf(early, '5001@test.cc')).toEqual({
      acState: 'Available',
      stateSince: ago(600),
      callId: null,
    })
    expect(stateOf(early, '5002@test.cc')).toMatchObject({ acState: 'Aux', stateSince: ago(550) })
    expect(early.at).toBe(ago(520))
    expect(early.serverTime).toBe(ago(520))

    // ISO times are taken as well as epoch ms.
    const onCall = await pastFloor(relay.lead, iso(400))
    const agent = onCall.agents.find((a) => a.id === '5001@test.cc')
    expect(agent).toMatchObject({
      acState: 'InboundTalking',
      callId: 'c1',
      callSince: ago(500),
      customerNumber: '13900001111',
      workSkill: SKILL_1,
    })
    // The call had not ended then: no figures, no feed.
    expect(onCall.figures.total.offered).toBe(0)
    expect(onCall.latestCalls).toEqual([])

    const afterCall = await pastFloor(relay.lead, ago(250))
    expect(stateOf(afterCall, '5001@test.cc')).toMatchObject({ acState: 'Acw', callId: 'c1' })
    expect(afterCall.figures.total).toMatchObject({ offered: 1, answered: 1, serviceLevel: 1 })
    expect(afterCall.latestCalls.map((c) => c.callId)).toEqual(['c1'])

    const late = await pastFloor(relay.lead, ago(120))
    expect(stateOf(late, '5001@test.cc')).toMatchObject({ acState: 'Available' })
    expect(stateOf(late, '5002@test.cc')).toMatchObject({ acState: 'Aux' })
    expect(late.figures.total).toMatchObject({ offered: 2, abandoned: 1, serviceLevel: 0.5 })
    expect(late.latestCalls.map((c) => c.callId)).toEqual(['c1', 'c2'])
    // The abandoned callers of a past moment are not rebuilt.
    expect(late.callBacks).toBeUndefined()
  })

  it('leaves out agents who had no event yet', async () => {
    const before = await pastFloor(relay.lead, ago(580))
    expect(before.agents.map((a) => a.id)).toEqual(['5001@test.cc'])
  })

  it('never shows a scoped lead an agent outside their department', async () => {
    await relay.createUser({ username: 'lead-2', role: 'supervisor', orgPrefix: '1.2' })
    const lead2 = await relay.signIn('lead-2')
    for (const at of [ago(520), ago(400), ago(120)]) {
      const floor = await pastFloor(lead2, at)
      expect(floor.agents.map((a) => a.id)).toEqual(['5002@test.cc'])
      expect(floor.latestCalls.filter((c) => c.agentId === '5001@test.cc')).toEqual([])
    }
    await relay.createUser({ username: 'skill-2', role: 'supervisor', skills: [SKILL_2] })
    const bySkill = await pastFloor(await relay.signIn('skill-2'), ago(400))
    expect(bySkill.agents.map((a) => a.id)).toEqual(['5002@test.cc'])
    expect(bySkill.figures.total.offered).toBe(0)
  })

  it('refuses a moment in the future, before the retention window, or unreadable', async () => {
    const future = await refusal(relay.lead, `/api/floor?at=${Date.now() + 60_000}`)
    expect(future).toMatch(/^at: is in the future/)
    const old = await refusal(relay.lead, `/api/floor?at=${Date.now() - 15 * DAY_MS}`)
    expect(old).toMatch(/^at: is before the earliest moment kept, \d{4}-\d{2}-\d{2}T/)
    expect(old).toMatch(/14 days/)
    const garbage = await refusal(relay.lead, '/api/floor?at=yesterday-ish')
    expect(garbage).toMatch(/^at: expected an ISO time/)
  })

  it('still answers the live floor without `at`', async () => {
    const res = await relay.lead.fetch('/api/floor')
    expect(res.status).toBe(200)
    const live = (await res.json()) as { agents: { id: string; acState: string }[]; at?: number }
    expect(live.at).toBeUndefined()
    expect(live.agents.find((a) => a.id === '5002@test.cc')?.acState).toBe('Available')
  })
})

describe('GET /api/floor/moments', () => {
  let relay: TestRelay
  beforeAll(async () => {
    relay = await startTestRelay()
    await morning(relay)
  })
  afterAll(async () => {
    await relay.close()
  })

  async function moments(session: Session, from: number, to: number): Promise<FloorMoments> {
    const res = await session.fetch(`/api/floor/moments?from=${from}&to=${to}`)
    expect(res.status).toBe(200)
    return floorMomentsSchema.parse(await res.json())
  }

  it('finds the after-call work that ran long and the service level falling below target', async () => {
    const found = await moments(relay.lead, ago(700), ago(50))
    expect(found.truncated).toBe(false)
    expect(found.moments).toEqual([
      {
        kind: 'breach',
        at: ago(300) + 60_000,
        agentId: '5001@test.cc',
        name: '张伟',
        state: 'Acw',
        level: 'amber',
      },
      {
        kind: 'service-level',
        at: ago(150),
        skillId: null,
        serviceLevel: 0.5,
        target: 0.8,
        direction: 'below',
      },
      {
        kind: 'service-level',
        at: ago(150),
        skillId: SKILL_1,
        serviceLevel: 0.5,
        target: 0.8,
        direction: 'below',
      },
    ])
    // A stretch that ends before the breach holds none.
    expect((await moments(relay.lead, ago(700), ago(250))).moments).toEqual([])
  })

  it('answers a stretch that runs on past now with what happened so far', async () => {
    // The page asks for the hours around the shown moment, which for a recent one end later
    // than now: it gets the moments up to now, not a refusal.
    const before = Date.now()
    const found = await moments(relay.lead, ago(700), Date.now() + 3 * 3_600_000)
    expect(found.moments.map((m) => m.kind)).toEqual(['breach', 'service-level', 'service-level'])
    expect(found.to).toBeGreaterThanOrEqual(before)
    expect(found.to).toBeLessThanOrEqual(Date.now())
    expect(
      await refusal(relay.lead, `/api/floor/moments?from=${Date.now() + 60_000}&to=${ago(0)}`),
    ).toMatch(/^from: is in the future/)
  })

  it('keeps to the caller scope', async () => {
    await relay.createUser({ username: 'lead-2', role: 'supervisor', orgPrefix: '1.2' })
    const lead2 = await relay.signIn('lead-2')
    const found = await moments(lead2, ago(700), ago(50))
    expect(found.moments.filter((m) => m.kind === 'breach')).toEqual([])
  })

  it('refuses a stretch longer than a day, reversed, or outside the window', async () => {
    const now = Date.now()
    expect(
      await refusal(relay.lead, `/api/floor/moments?from=${now - DAY_MS - 60_000}&to=${now}`),
    ).toMatch(/^to: at most 24 hours/)
    expect(
      await refusal(relay.lead, `/api/floor/moments?from=${now - 1000}&to=${now - 2000}`),
    ).toMatch(/^to: must not be before from/)
    expect(
      await refusal(relay.lead, `/api/floor/moments?from=${now - 20 * DAY_MS}&to=${now}`),
    ).toMatch(/^from: is before the earliest moment kept/)
    expect(await refusal(relay.lead, '/api/floor/moments?from=x&to=y')).toMatch(/^from: expected/)
  })
})
