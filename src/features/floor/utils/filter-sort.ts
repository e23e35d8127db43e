import { STATE_FAMILIES, type StateFamily, stateFamily } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { type FloorData, changedSince } from '../stores/floor-reducers'
import type { BreachLevels } from './breach'
import type { FloorView, SortKey } from './floor-view'

type Agents = Readonly<Record<string, AgentView>>

/** How a department is named in filters: its org id, or its name when the platform sent no id. */
export function deptKey(agent: AgentView): string | null {
  return agent.org.id ?? agent.org.name
}

function normalise(text: string): string {
  return text.trim().toLocaleLowerCase()
}

/**
 * True when the department at `treePos` lies in the subtree at `prefix`. Positions such as
 * `1.2.3` are paths: `1.2` covers `1.2.3` but not `1.20`. Plain depth numbers never nest.
 */
export function inSubtree(treePos: string, prefix: string): boolean {
  if (!treePos.startsWith(prefix) || treePos.length === prefix.length) return false
  return !/[0-9A-Za-z]/.test(treePos.charAt(prefix.length))
}

export type ScopeView = Pick<FloorView, 'skills' | 'depts' | 'q'>

/**
 * The skill, department and search filters (everything but the state family) as one test.
 * A department also takes in the departments below it in the org tree.
 */
export function scopeMatcher(
  agents: Agents,
  ids: readonly string[],
  view: ScopeView,
): (agent: AgentView) => boolean {
  const q = normalise(view.q)
  const found = new Set<string>()
  if (view.depts.length > 0) {
    for (const id of ids) {
      const agent = agents[id]
      const key = agent ? deptKey(agent) : null
      if (agent?.org.treePos && key !== null && view.depts.includes(key))
        found.add(agent.org.treePos)
    }
  }
  const prefixes = [...found]
  return (agent) => {
    if (view.skills.length > 0 && !agent.skills.some((s) => view.skills.includes(s))) return false
    if (view.depts.length > 0) {
      const key = deptKey(agent)
      const pos = agent.org.treePos
      const inDept = key !== null && view.depts.includes(key)
      if (!inDept && !(pos && prefixes.some((p) => inSubtree(pos, p)))) return false
    }
    if (q !== '') {
      const inName = agent.name !== null && normalise(agent.name).includes(q)
      if (!inName && !agent.id.toLocaleLowerCase().includes(q)) return false
    }
    return true
  }
}

const FAMILY_RANK: Record<StateFamily, number> = Object.fromEntries(
  STATE_FAMILIES.map((f, i) => [f, i]),
) as Record<StateFamily, number>

/** Each agent's place in name order (then id): what every sort falls back to. */
export type NameRanks = ReadonlyMap<string, number>

const sortName = (agent: AgentView) => agent.name ?? agent.id

/**
 * Name order, kept between batches: the floor re-sorts on every batch, and comparing names
 * with the collator is the slow part (thousands of agents, a hundred thousand comparisons),
 * while names almost never change. The order is computed again only when an agent joins,
 * leaves or is renamed, or the language (collator) changes.
 */
export function nameRanker(
  collator: Intl.Collator,
): (agents: Agents, ids: readonly string[]) => NameRanks {
  let names = new Map<string, string>()
  let ranks = new Map<string, number>()
  return (agents, ids) => {
    let same = names.size === ids.length
    for (let i = 0; same && i < ids.length; i++) {
      const agent = agents[ids[i]!]
      same = agent !== undefined && names.get(agent.id) === sortName(agent)
    }
    if (same) return ranks
    names = new Map()
    for (const id of ids) {
      const agent = agents[id]
      if (agent) names.set(id, sortName(agent))
    }
    const order = [...names.keys()].sort(
      (a, b) => collator.compare(names.get(a)!, names.get(b)!) || (a < b ? -1 : a > b ? 1 : 0),
    )
    ranks = new Map(order.map((id, i) => [id, i]))
    return ranks
  }
}

type Ranked = { agent: AgentView; rank: number }

/** Orders agents for `sort`; ties always fall back to name, then id, so the order is total. */
function compareRanked(sort: SortKey): (a: Ranked, b: Ranked) => number {
  const byName = (a: Ranked, b: Ranked) => a.rank - b.rank
  switch (sort) {
    // Exceptions are moved ahead afterwards, with the thresholds (see `exceptionsFirst`).
    case 'exceptions':
    case 'state':
      return (a, b) =>
        FAMILY_RANK[stateFamily(a.agent.acState)] - FAMILY_RANK[stateFamily(b.agent.acState)] ||
        a.agent.stateSince - b.agent.stateSince ||
        byName(a, b)
    case 'time':
      // Longest first; logged-out agents go last, or yesterday's log-outs would fill the top.
      return (a, b) =>
        Number(a.agent.acState === 'LogOut') - Number(b.agent.acState === 'LogOut') ||
        a.agent.stateSince - b.agent.stateSince ||
        byName(a, b)
    case 'name':
      return byName
  }
}

/**
 * The ids the grid shows, filtered and in order. `ranks` is the name order from a
 * `nameRanker` kept by the caller (computed here when not given).
 */
export function visibleIds(
  agents: Agents,
  ids: readonly string[],
  view: FloorView,
  collator: Intl.Collator,
  ranks: NameRanks = nameRanker(collator)(agents, ids),
): string[] {
  const inScope = scopeMatcher(agents, ids, view)
  const shown: Ranked[] = []
  for (const id of ids) {
    const agent = agents[id]
    if (!agent || !inScope(agent)) continue
    if (view.families.length > 0 && !view.families.includes(stateFamily(agent.acState))) continue
    shown.push({ agent, rank: ranks.get(id) ?? Number.MAX_SAFE_INTEGER })
  }
  return shown.sort(compareRanked(view.sort)).map((r) => r.agent.id)
}

/**
 * Agents past their red threshold first, then those past amber, then everyone else; each group
 * keeps the order it came in (the current sort). The same array when nobody breaches.
 */
export function breachingFirst(ids: readonly string[], levels: BreachLevels): readonly string[] {
  const red: string[] = []
  const amber: string[] = []
  const rest: string[] = []
  for (const id of ids) {
    const level = levels[id]
    if (level === 'red') red.push(id)
    else if (level === 'amber') amber.push(id)
    else rest.push(id)
  }
  return red.length + amber.length === 0 ? ids : [...red, ...amber, ...rest]
}

export interface FloorCounts {
  byFamily: Record<StateFamily, number>
  /** Agents in scope (skill, department and search filters; not the family filter). */
  total: number
  /** Of those, not logged out. */
  loggedIn: number
}

/** Counts per family over the agents in scope, so the chips say what each would show. */
export function countFloor(agents: Agents, ids: readonly string[], view: ScopeView): FloorCounts {
  const inScope = scopeMatcher(agents, ids, view)
  const byFamily = Object.fromEntries(STATE_FAMILIES.map((f) => [f, 0])) as Record<
    StateFamily,
    number
  >
  let total = 0
  for (const id of ids) {
    const agent = agents[id]
    if (!agent || !inScope(agent)) continue
    byFamily[stateFamily(agent.acState)] += 1
    total += 1
  }
  return { byFamily, total, loggedIn: total - byFamily.loggedOut }
}

/** Every skill group some agent belongs to, sorted. */
export function skillOptions(agents: Agents, ids: readonly string[]): string[] {
  const skills = new Set<string>()
  for (const id of ids) for (const skill of agents[id]?.skills ?? []) skills.add(skill)
  return [...skills].sort()
}

export interface DeptOption {
  key: string
  label: string
  treePos: string | null
}

/** Every department some agent is in, in org-tree order (by `treePos`), then by name. */
export function deptOptions(
  agents: Agents,
  ids: readonly string[],
  collator: Intl.Collator,
): DeptOption[] {
  const depts = new Map<string, DeptOption>()
  for (const id of ids) {
    const agent = agents[id]
    const key = agent ? deptKey(agent) : null
    if (!agent || key === null || depts.has(key)) continue
    depts.set(key, { key, label: agent.org.name ?? key, treePos: agent.org.treePos })
  }
  return [...depts.values()].sort(
    (a, b) =>
      collator.compare(a.treePos ?? '\uffff', b.treePos ?? '\uffff') ||
      collator.compare(a.label, b.label),
  )
}

/**
 * Depth of a department in the org tree, from its `treePos` (the seed only says it "marks the
 * depth"): segments of a dotted or slashed path such as `1.3.2`, else 0.
 */
export function treeDepth(treePos: string | null): number {
  if (!treePos) return 0
  const parts = treePos.split(/[./\\,-]/).filter((p) => p !== '')
  return Math.max(0, parts.length - 1)
}

/** The floor as the incremental derivations read it. */
export type FloorInputs = Pick<FloorData, 'agents' | 'ids' | 'roster' | 'delta'>

function familyCountsEqual(a: FloorCounts, b: FloorCounts): boolean {
  return (
    a.total === b.total &&
    a.loggedIn === b.loggedIn &&
    STATE_FAMILIES.every((f) => a.byFamily[f] === b.byFamily[f])
  )
}

/**
 * `countFloor` kept from batch to batch: after a batch only the agents it replaced are taken
 * out of their old family and put in their new one (the scope test is built again only when
 * who is on the floor, or someone's skills or department, changed). The same object is handed
 * out while the counts are the same.
 */
export function floorCounter(view: ScopeView): (floor: FloorInputs) => FloorCounts {
  let last: {
    agents: Agents
    ids: readonly string[]
    roster: object
    inScope: (agent: AgentView) => boolean
    counts: FloorCounts
  } | null = null
  return (floor) => {
    const { agents, ids, roster } = floor
    const changed =
      last && last.ids === ids && last.roster === roster ? changedSince(last.agents, floor) : null
    if (!last || changed === null) {
      const inScope = scopeMatcher(agents, ids, view)
      const counts = countFloor(agents, ids, view)
      last = {
        agents,
        ids,
        roster,
        inScope,
        counts: last && familyCountsEqual(last.counts, counts) ? last.counts : counts,
      }
      return last.counts
    }
    if (changed.length === 0) return last.counts
    const byFamily = { ...last.counts.byFamily }
    let total = last.counts.total
    const { inScope } = last
    for (const id of new Set(changed)) {
      const before = last.agents[id]
      const after = agents[id]
      if (before === after) continue
      if (before && inScope(before)) {
        byFamily[stateFamily(before.acState)] -= 1
        total -= 1
      }
      if (after && inScope(after)) {
        byFamily[stateFamily(after.acState)] += 1
        total += 1
      }
    }
    const counts = { byFamily, total, loggedIn: total - byFamily.loggedOut }
    last = {
      ...last,
      agents,
      counts: familyCountsEqual(last.counts, counts) ? last.counts : counts,
    }
    return last.counts
  }
}

/**
 * `visibleIds` kept from batch to batch: after a batch, the agents it replaced are taken out
 * of the last order and the ones still shown are put back at their places (a merge, not a
 * sort of the whole floor); sorted by name, with nobody coming into or leaving the filters,
 * the last order stands as it is. Everything is recomputed when who is on the floor, someone's
 * skills, department or name, or the batches in between are not known. The same array is
 * handed out while the order is the same.
 */
export function visibleIdsKeeper(
  view: FloorView,
  collator: Intl.Collator,
  ranksOf: (agents: Agents, ids: readonly string[]) => NameRanks = nameRanker(collator),
): (floor: FloorInputs) => readonly string[] {
  const compare = compareRanked(view.sort)
  let last: {
    agents: Agents
    ids: readonly string[]
    roster: object
    ranks: NameRanks
    inScope: (agent: AgentView) => boolean
    shown: readonly string[]
  } | null = null
  const keep = (shown: readonly string[]) =>
    last && arraysEqualIds(last.shown, shown) ? last.shown : shown
  return (floor) => {
    const { agents, ids, roster } = floor
    let changed =
      last && last.ids === ids && last.roster === roster ? changedSince(last.agents, floor) : null
    // A new name moves its agent in name order, which every sort falls back to.
    if (last && changed !== null) {
      const before = last.agents
      for (const id of changed) {
        const a = before[id]
        const b = agents[id]
        if (a !== b && (!a || !b || sortName(a) !== sortName(b))) {
          changed = null
          break
        }
      }
    }
    if (!last || changed === null) {
      const ranks = ranksOf(agents, ids)
      const shown = keep(visibleIds(agents, ids, view, collator, ranks))
      last = { agents, ids, roster, ranks, inScope: scopeMatcher(agents, ids, view), shown }
      return shown
    }
    if (changed.length === 0) return last.shown
    const { inScope, ranks } = last
    const shows = (agent: AgentView | undefined): agent is AgentView =>
      agent !== undefined &&
      inScope(agent) &&
      (view.families.length === 0 || view.families.includes(stateFamily(agent.acState)))
    const moved = new Set<string>()
    for (const id of changed) {
      const before = last.agents[id]
      const after = agents[id]
      if (before === after) continue
      // In name order an agent that stays shown keeps its place.
      if (view.sort === 'name' && shows(before) === shows(after)) continue
      moved.add(id)
    }
    if (moved.size === 0) {
      last = { ...last, agents }
      return last.shown
    }
    const ranked = (agent: AgentView): Ranked => ({
      agent,
      rank: ranks.get(agent.id) ?? Number.MAX_SAFE_INTEGER,
    })
    const added: Ranked[] = []
    for (const id of moved) {
      const agent = agents[id]
      if (shows(agent)) added.push(ranked(agent))
    }
    added.sort(compare)
    const shown: string[] = []
    let i = 0
    for (const id of last.shown) {
      if (moved.has(id)) continue
      if (i < added.length) {
        const here = ranked(agents[id]!)
        while (i < added.length && compare(added[i]!, here) < 0) shown.push(added[i++]!.agent.id)
      }
      shown.push(id)
    }
    while (i < added.length) shown.push(added[i++]!.agent.id)
    last = { ...last, agents, shown: keep(shown) }
    return last.shown
  }
}

function arraysEqualIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}
