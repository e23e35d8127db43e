import { useMemo } from 'react'
import { type FloorState, useFloorStore } from '../stores/floor-store'
import { type FloorCounts, floorCounter } from '../utils/filter-sort'
import type { FloorView } from '../utils/floor-view'

/**
 * Agents per state family (and totals) within the skill, department and search filters; kept
 * up from each batch's changed agents rather than counted over the floor again.
 */
export function useFloorCounts(view: FloorView): FloorCounts {
  const { skills, depts, q } = view
  const select = useMemo(() => {
    const count = floorCounter({ skills, depts, q })
    return (s: FloorState) => count(s)
  }, [skills, depts, q])
  return useFloorStore(select)
}
