import { type AcState, STATE_FAMILIES, type StateFamily, stateFamily } from '@/shared/ac-state'
import type { AgentDayStats } from '@/shared/day-stats'
import type { AgentView } from '@/shared/floor'
import type { TableGroup } from '@/shared/preferences'

/** One agent's line in the table. */
export interface AgentRow {
  kind: 'agent'
  id: string
  name: string
  /** The id without its domain (`5001`). */
  shortId: string
  acState: AcState
  family: StateFamily
  stateSince: number
  /** For the thresholds: the skill group of the current call. */
  workSkill: string | null
  /** The customer's number on the current call, when the floor knows it. */
  caller: string | null
  callId: string | null
  /** The current call's skill group, else the agent's first. */
  skill: string | null
  /** That skill group as people call it (the admin's name, else the id's local part). */
  skillName: string | null
  dept: string | null
  /** Today's figures; null until they load (or for an agent the relay has none of). */
  calls: number | null
  handleSec: number | null
  ahtSec: number | null
  occupancy: number | null
  /** Seconds per state family today, in `STATE_FAMILIES` order. */
  seconds: number[] | null
}

/** A group's header line: what the group is, and its subtotals. */
export interface GroupRow {
  kind: 'group'
  id: string
  label: string | null
  count: number
  calls: number
  /** Handle time over calls of the whole group; null before its first call. */
  ahtSec: number | null
}

export type TableRow = AgentRow | GroupRow

export const SORT_FIELDS = [
  'name',
  'shortId',
  'state',
  'time',
  'caller',
  'skill',
  'dept',
  'calls',
  'aht',
  'occupancy',
  'split',
] as const
export type SortField = (typeof SORT_FIELDS)[number]
export interface TableSort {
  field: SortField
  direction: 'asc' | 'desc'
}

function localPart(id: string): string {
  const at = id.indexOf('@')
  return at === -1 ? id : id.slice(0, at)
}

/** The caller's number, read from the view when the floor carries one (older relays do not). */
function callerOf(agent: AgentView): string | null {
  const value = (agent as AgentView & { customerNumber?: unknown }).customerNumber
  return typeof value === 'string' && value !== '' ? value : null
}

export function agentRow(
  agent: AgentView,
  stats: AgentDayStats | undefined,
  skillName: (skillId: string) => string = localPart,
): AgentRow {
  const skill = agent.workSkill ?? agent.skills[0] ?? null
  const row: AgentRow = {
    kind: 'agent',
    id: agent.id,
    name: agent.name ?? localPart(agent.id),
    shortId: localPart(agent.id),
    acState: agent.acState,
    family: stateFamily(agent.acState),
    stateSince: agent.stateSince,
    workSkill: agent.workSkill,
    caller: agent.callId ? callerOf(agent) : null,
    callId: agent.callId,
    skill,
    skillName: skill === null ? null : skillName(skill),
    dept: agent.org.name ?? agent.org.id,
    calls: stats?.callsHandled ?? null,
    handleSec: stats?.handleSec ?? null,
    ahtSec: stats?.ahtSec ?? null,
    occupancy: stats?.occupancy ?? null,
    seconds: stats?.seconds ?? null,
  }
  return row
}

const FAMILY_RANK = new Map(STATE_FAMILIES.map((f, i) => [f, i]))
const TALKING = STATE_FAMILIES.indexOf('talking')

/** A row's value for a sort; null sorts last whichever the direction. */
function sortValue(row: AgentRow, field: SortField): string | number | null {
  switch (field) {
    case 'name':
      return row.name
    case 'shortId':
      return row.shortId
    case 'state':
      // The floor's family order (ready first), then the platform's state name.
      return `${FAMILY_RANK.get(row.family)!}:${row.acState}`
    case 'time':
      // Ascending: the shortest time in state first (the latest change).
      return -row.stateSince
    case 'caller':
      return row.caller
    case 'skill':
      return row.skillName
    case 'dept':
      return row.dept
    case 'calls':
      return row.calls
    case 'aht':
      return row.ahtSec
    case 'occupancy':
      return row.occupancy
    case 'split': {
      // By the share of the day spent talking.
      const total = row.seconds?.reduce((a, b) => a + b, 0) ?? 0
      return total > 0 ? row.seconds![TALKING]! / total : null
    }
  }
}

export function compareRows(sort: TableSort | null, collator: Intl.Collator) {
  return (a: AgentRow, b: AgentRow): number => {
    if (sort) {
      const va = sortValue(a, sort.field)
      const vb = sortValue(b, sort.field)
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1
      } else {
        const c =
          typeof va === 'string' && typeof vb === 'string'
            ? collator.compare(va, vb)
            : (va as number) - (vb as number)
        if (c !== 0) return sort.direction === 'asc' ? c : -c
      }
    }
    // Ties keep the order they came in (the floor's own: the sort is stable).
    return 0
  }
}

/** What an agent is grouped by: the department, or the first skill group (each agent once). */
function groupKey(row: AgentRow, group: TableGroup): string | null {
  if (group === 'dept') return row.dept
  return row.skill
}

/**
 * The table's lines: agents (given in the floor's order) sorted by `sort`, and with a
 * grouping, each group's header (name, agents, calls today, average handle time) before its
 * agents, groups in name order and the ungrouped last.
 */
export function tableRows(
  agents: AgentRow[],
  sort: TableSort | null,
  group: TableGroup,
  collator: Intl.Collator,
): TableRow[] {
  const sorted = [...agents].sort(compareRows(sort, collator))
  if (group === 'none') return sorted
  const groups = new Map<string | null, AgentRow[]>()
  for (const row of sorted) {
    const key = groupKey(row, group)
    const members = groups.get(key)
    if (members) members.push(row)
    else groups.set(key, [row])
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : collator.compare(a, b),
  )
  return keys.flatMap((key) => {
    const members = groups.get(key)!
    let calls = 0
    let handleSec = 0
    for (const m of members) {
      calls += m.calls ?? 0
      handleSec += m.handleSec ?? 0
    }
    const header: GroupRow = {
      kind: 'group',
      id: `group:${group}:${key ?? ''}`,
      label: key,
      count: members.length,
      calls,
      ahtSec: calls > 0 ? Math.round(handleSec / calls) : null,
    }
    return [header, ...members]
  })
}
