import { useMemo } from 'react'
import type { AgentDayStats } from '@/shared/day-stats'
import type { TableGroup } from '@/shared/preferences'
import { useDayStats } from '../api/get-day-stats'
import { useFloorStore } from '../stores/floor-store'
import {
  type AgentRow,
  type TableRow,
  type TableSort,
  agentRow,
  tableRows,
} from '../utils/table-rows'
import { useCollator } from './use-collator'

/**
 * The table's lines for the agents the floor shows (`ids`, in the floor's order), with today's
 * figures from the relay. Rebuilt when a batch changes the agents (at most ten times a second),
 * or the figures, sort or grouping change.
 */
export function useTableRows(
  ids: readonly string[],
  sort: TableSort | null,
  group: TableGroup,
): { rows: TableRow[]; statsError: unknown } {
  const agents = useFloorStore((s) => s.agents)
  const stats = useDayStats(true)
  const collator = useCollator()
  const byAgent = useMemo(() => {
    const map = new Map<string, AgentDayStats>()
    for (const s of stats.data?.agents ?? []) map.set(s.agentId, s)
    return map
  }, [stats.data])
  const rows = useMemo(() => {
    const list: AgentRow[] = []
    ids.forEach((id, order) => {
      const agent = agents[id]
      if (agent) list.push(agentRow(agent, byAgent.get(id), order))
    })
    return tableRows(list, sort, group, collator)
  }, [ids, agents, byAgent, sort, group, collator])
  return { rows, statsError: stats.isError ? stats.error : null }
}
