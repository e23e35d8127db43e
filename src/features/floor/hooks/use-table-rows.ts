import { useMemo } from 'react'
import type { AgentDayStats } from '@/shared/day-stats'
import type { AgentView } from '@/shared/floor'
import type { TableGroup } from '@/shared/preferences'
import { useSkillName } from '@/hooks/use-skill-names'
import { useDayStats } from '../api/get-day-stats'
import {
  type AgentRow,
  type TableRow,
  type TableSort,
  agentRow,
  tableRows,
} from '../utils/table-rows'
import { useCollator } from './use-collator'
import { useFloorStore } from '../stores/floor-store'
import { useThrottledValue } from './use-throttled-value'

const TABLE_REFRESH_MS = 1_000 // rows follow the floor at most once a second

interface CachedRow {
  stats: AgentDayStats | undefined
  nameOf: (skillId: string) => string
  row: AgentRow
}

// Rows by the agent view they were made from (a view is replaced whenever the agent changes);
// dropped with the views.
const cache = new WeakMap<AgentView, CachedRow>()

/**
 * The table's lines for the agents the floor shows (`ids`, in the floor's order), with today's
 * figures from the relay. An agent whose view and figures did not change keeps the same row
 * object, so the grid redraws only the rows that changed.
 */
export function useTableRows(
  floorIds: readonly string[],
  sort: TableSort | null,
  group: TableGroup,
): { rows: TableRow[]; statsError: unknown } {
  const agents = useThrottledValue(
    useFloorStore((s) => s.agents),
    TABLE_REFRESH_MS,
  )
  const ids = useThrottledValue(floorIds, TABLE_REFRESH_MS)
  const stats = useDayStats(true)
  const collator = useCollator()
  // Skill groups by the names an admin gave them; a rename remakes every row.
  const skillName = useSkillName()
  const byAgent = useMemo(() => {
    const map = new Map<string, AgentDayStats>()
    for (const s of stats.data?.agents ?? []) map.set(s.agentId, s)
    return map
  }, [stats.data])
  const rows = useMemo(() => {
    const list: AgentRow[] = []
    for (const id of ids) {
      const agent = agents[id]
      if (!agent) continue
      const figures = byAgent.get(id)
      const held = cache.get(agent)
      const row =
        held && held.stats === figures && held.nameOf === skillName
          ? held.row
          : agentRow(agent, figures, skillName)
      if (row !== held?.row) cache.set(agent, { stats: figures, nameOf: skillName, row })
      list.push(row)
    }
    return tableRows(list, sort, group, collator)
  }, [ids, agents, byAgent, sort, group, collator, skillName])
  return { rows, statsError: stats.isError ? stats.error : null }
}
