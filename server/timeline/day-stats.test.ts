import { afterEach, describe, expect, it } from 'vitest'
import { STATE_FAMILIES, type StateFamily } from '@/shared/ac-state'
import type { AgentDayStats, DayStats } from '@/shared/day-stats'
import type { AgentView } from '@/shared/floor'
import { startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'
import { DayStatsAccumulator } from './day-stats'

const TZ = 'Asia/Shanghai'
const MIDNIGHT = Date.UTC(2026, 10, 20, 16, 0) // 2026-11-21 00:00 in Shanghai
const MIN = 60_000
const at = (minutes: number) => MIDNIGHT + minutes * MIN

let serial = 0
const view = (
  acState: AgentView['acState'],
  stateSince: number,
  callId: string | null = null,
  id = 'a@test.cc',
): AgentView => ({
  id,
  name: null,
  namespace: 'test.cc',
  acState,
  acStateRaw: null,
  lastACState: null,
  stateSince,
  callId,
  channelAddr: null,
  skills: [],
  workSkill: null,
  org: { id: null, name: null, treePos: null },
  reason: null,
  serial: String(++serial),
  customerNumber: null,
})

const secondsIn = (s: AgentDayStats, family: StateFamily) =>
  s.seconds[STATE_FAMILIES.indexOf(family)]

function statsAt(acc: DayStatsAccumulator, now: number): AgentDayStats {
  const stats = acc.statsFor('test.cc', () => true, now).agents[0]
  if (!stats) throw new Error('no stats')
  return stats
}

describe('day accumulators', () => {
  it('count calls once each, handle time with hold and wrap-up, and occupancy over logged-in time', () => {
    const acc = new DayStatsAccumulator(TZ)
    // Logged out before midnight, then 10 min ready, a 5 min call with 1 min hold inside it,
    // 2 min wrap-up, 4 min ready, a 3 min call, still in its wrap-up at the end.
    acc.observe(view('LogOut', at(-120)))
    acc.observe(view('Available', at(480)))
    acc.observe(view('InboundTalking', at(490), 'c1'))
    acc.observe(view('Hold', at(492), 'c1'))
    acc.observe(view('InboundTalking', at(493), 'c1'))
    acc.observe(view('Acw', at(495)))
    acc.observe(view('Available', at(497)))
    acc.observe(view('InboundTalking', at(501), 'c2'))
    acc.observe(view('Acw', at(504)))
    const s = statsAt(acc, at(505))

    expect(s.callsHandled).toBe(2)
    expect(secondsIn(s, 'loggedOut')).toBe(480 * 60)
    expect(secondsIn(s, 'available')).toBe(14 * 60)
    expect(secondsIn(s, 'talking')).toBe(7 * 60)
    expect(secondsIn(s, 'hold')).toBe(60)
    expect(secondsIn(s, 'acw')).toBe(3 * 60)
    // talk 7 + hold 1 + wrap-up 3 = 11 min over 2 calls; logged in 25 min.
    expect(s.handleSec).toBe(11 * 60)
    expect(s.ahtSec).toBe(330)
    expect(s.occupancy).toBeCloseTo(11 / 25, 3)
  })

  it('starts a new day at midnight, keeping only the part of a stretch after it', () => {
    const acc = new DayStatsAccumulator(TZ)
    acc.observe(view('InboundTalking', at(-30), 'c1'))
    acc.observe(view('Available', at(-20)))
    acc.observe(view('InboundTalking', at(-5), 'c2'))
    const s = statsAt(acc, at(10))
    expect(acc.statsFor('test.cc', () => true, at(10)).day).toBe('2026-11-21')
    // Yesterday's first call is gone; the one going on at midnight counts for today.
    expect(s.callsHandled).toBe(1)
    expect(secondsIn(s, 'talking')).toBe(10 * 60)
    expect(secondsIn(s, 'available')).toBe(0)
    expect(s.occupancy).toBe(1)
  })

  it('says nothing of agents outside the scope, and null figures before any call or log-in', () => {
    const acc = new DayStatsAccumulator(TZ)
    acc.observe(view('Available', at(60), null, 'in@test.cc'))
    acc.observe(view('LogOut', at(60), null, 'out@test.cc'))
    const stats = acc.statsFor('test.cc', (id) => id === 'in@test.cc', at(70))
    expect(stats.agents.map((a) => a.agentId)).toEqual(['in@test.cc'])
    expect(stats.agents[0]).toMatchObject({ callsHandled: 0, ahtSec: null, occupancy: 0 })
    const out = acc.statsFor('test.cc', (id) => id === 'out@test.cc', at(70)).agents[0]
    expect(out).toMatchObject({ occupancy: null, ahtSec: null })
  })
})

describe('GET /api/floor/day-stats', () => {
  let relay: TestRelay
  afterEach(async () => {
    await relay.close()
  })

  const iso = (ms: number) => new Date(ms).toISOString()

  it("gives today's figures of the agents in scope, and again after a restart", async () => {
    const now = at(600)
    relay = await startTestRelay({ now: () => now })
    const post = (o: Record<string, unknown>) => relay.post(agentEvent(o))
    await post({ id: '5001@test.cc', acState: 'Available', stateChangeTime: iso(at(500)) })
    await post({
      id: '5001@test.cc',
      acState: 'InboundTalking',
      callId: 'c-1',
      stateChangeTime: iso(at(560)),
    })
    await post({ id: '5001@test.cc', acState: 'Acw', stateChangeTime: iso(at(580)) })
    await post({
      id: '6001@test.cc',
      acState: 'Available',
      orgTreePos: '2.1',
      stateChangeTime: iso(at(500)),
    })

    const expected = {
      agentId: '5001@test.cc',
      callsHandled: 1,
      handleSec: 40 * 60,
      ahtSec: 40 * 60,
      occupancy: 0.4,
    }
    const res = await relay.lead.fetch('/api/floor/day-stats')
    expect(res.status).toBe(200)
    const body = (await res.json()) as DayStats
    expect(body.day).toBe('2026-11-21')
    expect(body.agents.find((a) => a.agentId === '5001@test.cc')).toMatchObject(expected)

    await relay.createUser({ username: 'lead-1', role: 'supervisor', orgPrefix: '1' })
    const scoped = (await (
      await (await relay.signIn('lead-1')).fetch('/api/floor/day-stats')
    ).json()) as DayStats
    expect(scoped.agents.map((a) => a.agentId)).toEqual(['5001@test.cc'])

    await relay.close({ keepData: true })
    relay = await startTestRelay({ dataDir: relay.dataDir, now: () => now })
    const again = (await (await relay.lead.fetch('/api/floor/day-stats')).json()) as DayStats
    expect(again.agents.find((a) => a.agentId === '5001@test.cc')).toMatchObject(expected)
  })

  it('is refused without a session', async () => {
    relay = await startTestRelay()
    expect((await fetch(`${relay.url}/api/floor/day-stats`)).status).toBe(401)
  })
})
