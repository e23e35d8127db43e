import { useMemo } from 'react'
import { type FloorState, useFloorStore } from '../stores/floor-store'
import { type FloorCounts, countFloor } from '../utils/filter-sort'
import type { FloorView } from '../utils/floor-view'
import { memoSelector, shallowDeepEqual } from '../utils/memo-selector'

/** Agents per state family (and totals) within the skill, department and search filters. */
export function useFloorCounts(view: FloorView): FloorCounts {
  const { skills, depts, q } = view
  const select = useMemo(() => {
    const derive = memoSelector(
      (agents: FloorState['agents'], ids: FloorState['ids']) =>
        countFloor(agents, ids, { skills, depts, q }),
      shallowDeepEqual,
    )
    return (s: FloorState) => derive(s.agents, s.ids)
  }, [skills, depts, q])
  return useFloorStore(select)
}
