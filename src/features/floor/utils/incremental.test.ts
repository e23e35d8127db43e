import { describe, expect, it } from 'vitest'
import type { AcState } from '@/shared/ac-state'
import type { AgentPatch, AgentView } from '@/shared/floor'
import { type FloorSettings, defaultSettings } from '@/shared/settings'
import { T0, agent, change, snapshot } from '@/testing/fixtures'
import { type FloorData, applyChange, applySnapshot } from '../stores/floor-reducers'
import { breachLevels, breachTracker } from './breach'
import { countFloor, floorCounter, visibleIds, visibleIdsKeeper } from './filter-sort'
import { DEFAULT_VIEW, type FloorView } from './floor-view'

/*
 * The counts, the order and the breach levels are kept from batch to batch from the agents
 * each batch changed. Whatever the batches, they must stay what a count, sort and check over
 * the whole floor would give: a seeded random floor goes through many batches and ticks, and
 * both are compared after each.
 */

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const STATES: AcState[] = [
  'Available',
  'InboundRinging',
  'InboundTalking',
  'Hold',
  'Acw',
  'Aux',
  'LogOut',
]
const SKILLS = ['7001@test.cc', '7002@test.cc', '7009@test.cc']
const ORGS = [
  { id: 'org-1', name: '一部', treePos: '1.1' },
  { id: 'org-2', name: '二部', treePos: '1.1.2' },
  { id: 'org-3', name: '三部', treePos: '1.2' },
]
const NAMES = ['王芳', '李娜', '张伟', 'Anna', 'bob', '刘洋', null]

const settings: FloorSettings = {
  ...defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 }),
  bySkill: {
    '7009@test.cc': {
      ringing: { amberSec: 5, redSec: 10 },
      talking: { amberSec: 60, redSec: 120 },
    },
  },
}

const VIEWS: FloorView[] = [
  { ...DEFAULT_VIEW, sort: 'name' },
  { ...DEFAULT_VIEW, sort: 'state', families: ['notReady', 'talking', 'ringing'] },
  { ...DEFAULT_VIEW, sort: 'exceptions', q: '1' },
  { ...DEFAULT_VIEW, sort: 'time', skills: ['7002@test.cc'], depts: ['org-1'] },
  { ...DEFAULT_VIEW, sort: 'name', families: ['available'], q: '王' },
]

function run(seed: number, steps: number) {
  const rnd = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  let now = T0 + 600_000
  let next = 1
  const someone = (): AgentView =>
    agent(next++, {
      name: pick(NAMES),
      acState: pick(STATES),
      stateSince: now - Math.floor(rnd() * 400_000),
      skills: SKILLS.filter(() => rnd() < 0.5),
      workSkill: rnd() < 0.3 ? pick(SKILLS) : null,
      org: pick(ORGS),
    })
  let floor: FloorData = applySnapshot(
    snapshot(
      Array.from({ length: 40 }, () => someone()),
      { seq: 10 },
    ),
  )
  const collator = new Intl.Collator('zh-CN')
  const keepers = VIEWS.map((view) => ({
    view,
    shown: visibleIdsKeeper(view, collator),
    count: floorCounter(view),
  }))
  const track = breachTracker(settings)
  const checks = { batches: 0, compared: 0, levelsSeen: 0 }

  for (let step = 0; step < steps; step++) {
    // The clock moves on (now and then back a little, as the server clock's offset is refined).
    now += rnd() < 0.1 ? -Math.floor(rnd() * 800) : Math.floor(rnd() * 20_000)
    if (rnd() < 0.7) {
      const ids = floor.ids
      const whole: AgentView[] = []
      const patches: AgentPatch[] = []
      const removed: string[] = []
      for (let k = Math.floor(rnd() * 6); k > 0; k--) {
        const id = pick(ids)
        const roll = rnd()
        if (roll < 0.6) {
          patches.push({
            id,
            acState: pick(STATES),
            stateSince: now - Math.floor(rnd() * 30_000),
            ...(rnd() < 0.3 ? { workSkill: pick(SKILLS) } : {}),
          })
        } else if (roll < 0.7) patches.push({ id, name: pick(NAMES) })
        else if (roll < 0.75) patches.push({ id, skills: [pick(SKILLS)] })
        else if (roll < 0.8) patches.push({ id, org: pick(ORGS) })
        else if (roll < 0.9) {
          const held = floor.agents[id]!
          whole.push({ ...held, acState: pick(STATES), stateSince: now, name: pick(NAMES) })
        } else if (roll < 0.95) whole.push(someone())
        else if (ids.length > 10) removed.push(id)
      }
      // Removed agents get no patch in the same batch.
      const gone = new Set(removed)
      const result = applyChange(
        floor,
        change(floor.seq + 1, whole, {
          patches: patches.filter((p) => !gone.has(p.id)),
          removed,
        }),
      )
      if (result.outcome !== 'applied') throw new Error(`batch ${step} not applied`)
      floor = result.floor
      checks.batches += 1
    }
    // Now and then a reader misses a batch or two: it must then start over, not drift.
    if (rnd() < 0.2) continue
    for (const { view, shown, count } of keepers) {
      expect(shown(floor)).toEqual(visibleIds(floor.agents, floor.ids, view, collator))
      expect(count(floor)).toEqual(countFloor(floor.agents, floor.ids, view))
    }
    const levels = track(floor, now)
    expect(levels).toEqual(breachLevels(floor.agents, floor.ids, settings, now))
    checks.levelsSeen += Object.keys(levels).length
    checks.compared += 1
  }
  return checks
}

describe('counts, order and breach levels kept from batch to batch', () => {
  it.each([1, 2, 3, 17, 2026])(
    'equal the whole-floor figures after every batch and tick (seed %i)',
    (seed) => {
      const checks = run(seed, 400)
      // The run did go through batches, and agents did breach, so the comparison meant something.
      expect(checks.batches).toBeGreaterThan(200)
      expect(checks.compared).toBeGreaterThan(250)
      expect(checks.levelsSeen).toBeGreaterThan(0)
    },
  )

  it('hand out the same objects while nothing they show changed', () => {
    const floor = applySnapshot(
      snapshot(
        [agent(1, { acState: 'Aux', stateSince: T0 }), agent(2), agent(3, { name: '王芳' })],
        { seq: 10 },
      ),
    )
    const shown = visibleIdsKeeper({ ...DEFAULT_VIEW, sort: 'name' }, new Intl.Collator('zh-CN'))
    const count = floorCounter(DEFAULT_VIEW)
    const track = breachTracker(settings)
    const firstShown = shown(floor)
    const firstCounts = count(floor)
    const firstLevels = track(floor, T0 + 1_000)
    // Agent 2 goes from available to available again (a new serial): nothing shown changes.
    const result = applyChange(
      floor,
      change(11, [], { patches: [{ id: '5002@test.cc', serial: '9' }] }),
    )
    if (result.outcome !== 'applied') throw new Error('expected applied')
    expect(shown(result.floor)).toBe(firstShown)
    expect(count(result.floor)).toBe(firstCounts)
    expect(track(result.floor, T0 + 2_000)).toBe(firstLevels)
    // Agent 1 has been on a break past its red threshold: a new object, naming it.
    const later = track(result.floor, T0 + 86_400_000)
    expect(later).not.toBe(firstLevels)
    expect(later).toEqual({ '5001@test.cc': 'red' })
  })
})
