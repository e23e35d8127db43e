import { useMemo } from 'react'
import { type FloorState, useFloorStore } from '../stores/floor-store'
import { visibleIds } from '../utils/filter-sort'
import type { FloorView } from '../utils/floor-view'
import { arraysEqual, memoSelector } from '../utils/memo-selector'
import { useCollator } from './use-collator'

/**
 * The ids the grid shows, filtered and sorted. Recomputed only when the agents, the view or
 * the language change, and the same array is returned while the result is equal, so the grid
 * re-renders only when its list really changed (not on every batch).
 */
export function useVisibleAgentIds(view: FloorView): readonly string[] {
  const collator = useCollator()
  const select = useMemo(() => {
    const derive = memoSelector(
      (agents: FloorState['agents'], ids: FloorState['ids']) =>
        visibleIds(agents, ids, view, collator),
      arraysEqual,
    )
    return (s: FloorState) => derive(s.agents, s.ids)
  }, [view, collator])
  return useFloorStore(select)
}
