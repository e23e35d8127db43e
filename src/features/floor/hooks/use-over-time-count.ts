import { useMemo } from 'react'
import { usePresenceStore } from '@/lib/presence-store'
import { useFloorStore } from '../stores/floor-store'
import { type ScopeView, scopeMatcher } from '../utils/filter-sort'
import { useBreachLevels } from './use-breach-levels'

/**
 * Agents past a threshold within the skill, department and search filters (like the state
 * chips, the state filter does not narrow it); re-counted as agents cross thresholds. An agent
 * whose breach a lead snoozed is not counted while the snooze lasts.
 */
export function useOverTimeCount(view: ScopeView): number {
  const levels = useBreachLevels(true)
  const { skills, depts, q } = view
  const snoozed = usePresenceStore((s) => s.snoozed)
  return useMemo(() => {
    // Who is over time changes with `levels`; an agent's skills and department almost never.
    const { agents, ids } = useFloorStore.getState()
    const inScope = scopeMatcher(agents, ids, { skills, depts, q })
    let count = 0
    for (const id of Object.keys(levels)) {
      const agent = agents[id]
      if (agent && inScope(agent) && !snoozed[id]) count += 1
    }
    return count
  }, [levels, skills, depts, q, snoozed])
}
