import { describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { T0, agent, inState } from '@/testing/fixtures'
import {
  breachingFirst,
  countFloor,
  deptOptions,
  inSubtree,
  nameRanker,
  skillOptions,
  treeDepth,
  visibleIds,
} from './filter-sort'
import { DEFAULT_VIEW, type FloorView } from './floor-view'

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })

function floorOf(list: AgentView[]) {
  const agents = Object.fromEntries(list.map((a) => [a.id, a]))
  return { agents, ids: list.map((a) => a.id).sort() }
}

const MIN = 60_000
const roster = [
  inState(agent(1, { name: '张伟' }), 'InboundTalking', T0 - 3 * MIN),
  inState(agent(2, { name: '李娜', skills: ['7002@test.cc'] }), 'Available', T0 - 1 * MIN),
  inState(
    agent(3, { name: '王芳', org: { id: 'org-2', name: '二部', treePos: '1.2' } }),
    'Available',
    T0 - 9 * MIN,
  ),
  inState(agent(4, { name: 'Alice' }), 'LogOut', T0 - 600 * MIN),
  inState(agent(5, { name: '赵敏' }), 'Aux', T0 - 20 * MIN, { reason: 'AgentOperation' }),
  inState(agent(6, { name: '陈静' }), 'InboundRinging', T0 - 0.2 * MIN),
]
const { agents, ids } = floorOf(roster)
const view = (patch: Partial<FloorView>): FloorView => ({ ...DEFAULT_VIEW, ...patch })
const names = (list: string[]) => list.map((id) => agents[id]?.name)

describe('sorting', () => {
  it('orders names once and reuses the order while nobody joins, leaves or is renamed', () => {
    const ranksOf = nameRanker(collator)
    const first = ranksOf(agents, ids)
    // A batch of state changes: the same names, so the same order, not a new sort.
    const moved = { ...agents, [ids[0]!]: inState(agents[ids[0]!]!, 'Acw', T0) }
    expect(ranksOf(moved, ids)).toBe(first)
    // A rename, then a newcomer: each time the kept order is what a fresh sort gives.
    const renamed = { ...moved, [ids[0]!]: { ...moved[ids[0]!]!, name: '阿伟' } }
    const fresh = (all: typeof agents, list: string[]) =>
      visibleIds(all, list, view({ sort: 'name' }), collator)
    const kept = (all: typeof agents, list: string[]) =>
      visibleIds(all, list, view({ sort: 'name' }), collator, ranksOf(all, list))
    expect(kept(renamed, ids)).toEqual(fresh(renamed, ids))
    expect(kept(renamed, ids)).not.toEqual(kept(moved, ids))
    const joined = { ...renamed, '5099@test.cc': agent(99, { name: '艾米' }) }
    const withNew = [...ids, '5099@test.cc']
    expect(kept(joined, withNew)).toEqual(fresh(joined, withNew))
    expect(kept(joined, withNew)).toContain('5099@test.cc')
  })

  it('by state: family order, then longest in state first', () => {
    expect(names(visibleIds(agents, ids, view({ sort: 'state' }), collator))).toEqual([
      '王芳', // available 9 min
      '李娜', // available 1 min
      '陈静', // ringing
      '张伟', // talking
      '赵敏', // not ready
      'Alice', // logged out
    ])
  })

  it('by time in state: longest first, logged-out agents last', () => {
    expect(names(visibleIds(agents, ids, view({ sort: 'time' }), collator))).toEqual([
      '赵敏',
      '王芳',
      '张伟',
      '李娜',
      '陈静',
      'Alice',
    ])
  })

  it('by name, in the language’s order', () => {
    const en = new Intl.Collator('en', { numeric: true })
    const sorted = names(visibleIds(agents, ids, view({ sort: 'name' }), en))
    expect(sorted[0]).toBe('Alice')
    expect(sorted).toHaveLength(6)
  })

  it('numbers in names sort as numbers', () => {
    const f = floorOf([agent(1, { name: '坐席10' }), agent(2, { name: '坐席2' })])
    expect(
      visibleIds(f.agents, f.ids, view({ sort: 'name' }), collator).map((id) => f.agents[id]?.name),
    ).toEqual(['坐席2', '坐席10'])
  })
})

describe('filters and search', () => {
  it('filters by state family (any of several)', () => {
    expect(
      names(visibleIds(agents, ids, view({ families: ['ringing', 'talking'] }), collator)),
    ).toEqual(['陈静', '张伟'])
  })

  it('filters by skill group and department', () => {
    expect(names(visibleIds(agents, ids, view({ skills: ['7002@test.cc'] }), collator))).toEqual([
      '李娜',
    ])
    expect(names(visibleIds(agents, ids, view({ depts: ['org-2'] }), collator))).toEqual(['王芳'])
  })

  it('takes in the departments below a chosen one', () => {
    const f = floorOf([
      agent(1, { org: { id: 'root', name: '客服中心', treePos: '1' } }),
      agent(2, { org: { id: 'a', name: '一部', treePos: '1.1' } }),
      agent(3, { org: { id: 'b', name: '一部一组', treePos: '1.1.2' } }),
      agent(4, { org: { id: 'c', name: '十部', treePos: '10' } }),
    ])
    const shown = (depts: string[]) =>
      visibleIds(f.agents, f.ids, view({ depts, sort: 'name' }), collator).sort()
    expect(shown(['root'])).toEqual(['5001@test.cc', '5002@test.cc', '5003@test.cc'])
    expect(shown(['a'])).toEqual(['5002@test.cc', '5003@test.cc'])
    expect(shown(['b', 'c'])).toEqual(['5003@test.cc', '5004@test.cc'])
    expect(inSubtree('1.20', '1.2')).toBe(false)
    expect(inSubtree('12', '1')).toBe(false)
  })

  it('searches name or id, ignoring case', () => {
    expect(names(visibleIds(agents, ids, view({ q: 'alice' }), collator))).toEqual(['Alice'])
    expect(names(visibleIds(agents, ids, view({ q: '5003' }), collator))).toEqual(['王芳'])
    expect(names(visibleIds(agents, ids, view({ q: '王' }), collator))).toEqual(['王芳'])
    expect(visibleIds(agents, ids, view({ q: 'nobody' }), collator)).toEqual([])
  })
})

describe('counts', () => {
  it('counts families within the scope filters, ignoring the family filter', () => {
    const all = countFloor(agents, ids, view({ families: ['talking'] }))
    expect(all.byFamily).toMatchObject({
      available: 2,
      ringing: 1,
      talking: 1,
      notReady: 1,
      loggedOut: 1,
      hold: 0,
    })
    expect(all.total).toBe(6)
    expect(all.loggedIn).toBe(5)
    const dept = countFloor(agents, ids, view({ depts: ['org-1'] }))
    expect(dept.total).toBe(5)
    expect(dept.byFamily.available).toBe(1)
  })
})

describe('filter options', () => {
  it('lists skills and departments in org-tree order', () => {
    expect(skillOptions(agents, ids)).toEqual(['7001@test.cc', '7002@test.cc'])
    expect(deptOptions(agents, ids, collator).map((d) => d.label)).toEqual(['一部', '二部'])
  })

  it('reads the tree depth of dotted positions', () => {
    expect(treeDepth('1')).toBe(0)
    expect(treeDepth('1.2.3')).toBe(2)
    expect(treeDepth(null)).toBe(0)
  })
})

describe('breaching first', () => {
  const order = ['a', 'b', 'c', 'd', 'e', 'f']

  it('puts red, then amber, ahead of the rest, each group in the current order', () => {
    expect(breachingFirst(order, { e: 'amber', b: 'red', f: 'red', c: 'amber' })).toEqual([
      'b',
      'f',
      'c',
      'e',
      'a',
      'd',
    ])
  })

  it('keeps the list as it is when nobody breaches', () => {
    expect(breachingFirst(order, {})).toBe(order)
  })

  it('follows whatever sort came before it', () => {
    const byName = visibleIds(agents, ids, view({ sort: 'name' }), collator)
    const red = byName[3] ?? ''
    expect(breachingFirst(byName, { [red]: 'red' })).toEqual([
      red,
      ...byName.filter((id) => id !== red),
    ])
  })
})
