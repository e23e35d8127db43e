import { afterEach, expect, it } from 'vitest'
import type { AgentView, CallSummary } from '@/shared/floor'
import { platformDay } from '@/shared/platform-time'
import { defaultSettings, type FloorSettings, queueRuleFor } from '@/shared/settings'
import { AgentsRepo } from '../agents/agents.repo'
import { CallsRepo } from '../day-calls/calls.repo'
import { DayFigures } from '../day-calls/figures'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { DayCounts } from './day-counts'
import { CHECKPOINT_EVERY_MS, FloorReplay } from './floor-replay'
import { ReplayRepo } from './replay.repo'

const TZ = 'Asia/Shanghai'
const MIN = 60_000
// A moment on a whole checkpoint period, well inside its platform day (10:00 in Shanghai).
const BASE = Date.UTC(2026, 11, 7, 2, 0, 0)

function view(id: string, serial: number, stateSince: number, over: Partial<AgentView> = {}) {
  return {
    id,
    name: id,
    namespace: 'test.cc',
    acState: 'Available',
    acStateRaw: null,
    lastACState: null,
    stateSince,
    callId: null,
    customerNumber: null,
    channelAddr: null,
    skills: ['7001@test.cc'],
    workSkill: null,
    org: { id: 'o1', name: '一部', treePos: '1.1' },
    reason: null,
    serial: String(serial),
    ...over,
  } satisfies AgentView
}

function call(callId: string, endTime: number, over: Partial<CallSummary> = {}): CallSummary {
  return {
    callId,
    namespace: 'test.cc',
    callType: 'Inbound',
    ani: '13900000000',
    dnis: '33255500',
    customerPhone: null,
    agentId: '5001@test.cc',
    deviceId: '8001@test.cc',
    skillId: '7001@test.cc',
    startTime: endTime - 120_000,
    answerTime: endTime - 100_000,
    endTime,
    queueSec: 10,
    talkSec: 100,
    endReason: 'CustomerHangup',
    hangupCause: null,
    hangupDevice: null,
    conferenced: false,
    transferred: false,
    orgTreePos: '1.1',
    ...over,
  }
}

describeEachStore('the floor at a past moment', (kind) => {
  const stores: TestStore[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.dispose()
  })

  async function open() {
    const s = await openTestStore(kind)
    stores.push(s)
    return s
  }

  it("shows each agent's latest event by then, in the live floor's order", async () => {
    const s = await open()
    const agents = new AgentsRepo(s.db)
    const events = [
      view('a1', 10, BASE),
      view('a1', 11, BASE + 5 * MIN, { acState: 'InboundTalking', callId: 'c1' }),
      view('a1', 12, BASE + 8 * MIN, { acState: 'Acw', callId: 'c1' }),
      // A lower serial a few seconds later: the serial decides (the platform sent it earlier).
      view('a1', 9, BASE + 8 * MIN + 5_000, { acState: 'Aux' }),
      // A lower serial much later: a restarted counter, the time decides.
      view('a1', 3, BASE + 20 * MIN, { acState: 'LogOut' }),
      view('a2', 20, BASE + 2 * MIN, {
        acState: 'Aux',
        org: { id: 'o2', name: '二部', treePos: '1.2' },
      }),
    ]
    for (const e of events) await s.db.transaction().execute((trx) => agents.insert(trx, e))
    await new CallsRepo(s.db).insert(
      s.db,
      call('c1', BASE + 8 * MIN, { customerPhone: '13911112222' }),
      platformDay(BASE, TZ),
      BASE + 8 * MIN,
    )
    const repo = new ReplayRepo(s.db, s.kind)
    const at = async (t: number) =>
      (await repo.floorAt('test.cc', t)).map((v) => [v.id, v.acState, v.callSince ?? null])

    expect(await at(BASE - 1)).toEqual([])
    expect(await at(BASE + MIN)).toEqual([['a1', 'Available', null]])
    expect(await at(BASE + 6 * MIN)).toEqual([
      ['a1', 'InboundTalking', BASE + 5 * MIN],
      ['a2', 'Aux', null],
    ])
    expect(await at(BASE + 9 * MIN)).toEqual([
      ['a1', 'Acw', BASE + 5 * MIN],
      ['a2', 'Aux', null],
    ])
    expect(await at(BASE + 21 * MIN)).toEqual([
      ['a1', 'LogOut', null],
      ['a2', 'Aux', null],
    ])
    expect(await repo.numbersOf('test.cc', ['c1', 'c9'])).toEqual(new Map([['c1', '13911112222']]))
    expect(await repo.floorAt('other.cc', BASE + 21 * MIN)).toEqual([])
  })

  it("counts the day's calls as the live figures do, with and without checkpoints", async () => {
    const s = await open()
    const settings: FloorSettings = {
      ...defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 }),
      queues: { '7002@test.cc': { slThresholdSec: 8, slTargetPct: 90, shortAbandonSec: 15 } },
    }
    const rules = (id: string | null) => queueRuleFor(id, settings)
    const day = platformDay(BASE, TZ)
    const calls: CallSummary[] = []
    // Two hours of calls of every kind, one every 3 minutes.
    for (let i = 0; i < 40; i++) {
      const end = BASE + i * 3 * MIN + 1_000
      const kinds: Partial<CallSummary>[] = [
        { queueSec: 4 },
        { queueSec: 12, skillId: '7002@test.cc', orgTreePos: '1.2' },
        {
          queueSec: 30,
          agentId: null,
          answerTime: null,
          endReason: 'QueueAbandon',
          orgTreePos: null,
        },
        {
          queueSec: 3,
          agentId: null,
          answerTime: null,
          endReason: 'QueueAbandon',
          skillId: '7002@test.cc',
        },
        { callType: 'ManualOutbound', skillId: null },
        { queueSec: null, skillId: '7002@test.cc' },
      ]
      calls.push(call(`c${i}`, end, kinds[i % kinds.length]))
    }
    const callsRepo = new CallsRepo(s.db)
    for (const c of calls) await callsRepo.insert(s.db, c, day, c.endTime!)
    const counts = new DayCounts(s.db)
    const replay = new FloorReplay({
      repo: new ReplayRepo(s.db, s.kind),
      counts,
      settings: { get: () => settings, figuresRules: () => rules },
      timeZone: TZ,
      now: () => BASE + 3 * 60 * MIN,
      eventRetentionDays: 14,
    })
    const live = (at: number) => {
      const f = new DayFigures(day, rules)
      for (const c of calls) if (c.endTime! <= at) f.add(c)
      return f.read()
    }
    const stored = async (at: number) => {
      const f = new DayFigures(day, rules)
      const key = JSON.stringify([
        settings.defaultQueue,
        Object.entries(settings.queues).sort(([a], [b]) => (a < b ? -1 : 1)),
      ])
      const r = { rules, skills: Object.keys(settings.queues), key }
      for (const c of await counts.countsBy('test.cc', day, at, r))
        f.addCounts(c.skillId, c.orgTreePos, c.counts)
      return f.read()
    }
    const moments = [BASE + 10 * MIN, BASE + 47 * MIN, BASE + 95 * MIN, BASE + 2 * 60 * MIN]
    for (const at of moments) expect(await stored(at)).toEqual(live(at))

    // Checkpoints every period from the first call to now − lag, then the same answers.
    expect(await replay.fillCheckpoints(['test.cc'])).toBeGreaterThanOrEqual(
      Math.floor((2 * 60 * MIN) / CHECKPOINT_EVERY_MS),
    )
    expect(await replay.fillCheckpoints(['test.cc'])).toBe(0)
    expect(await counts.checkpointBefore('test.cc', day, BASE + 95 * MIN, 'other rules')).toBeNull()
    for (const at of moments) expect(await stored(at)).toEqual(live(at))
    // Pruned with the events.
    expect(await counts.prune(BASE + 61 * MIN)).toBeGreaterThan(0)
    for (const at of moments) expect(await stored(at)).toEqual(live(at))
  })
})
