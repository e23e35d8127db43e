import { useMemo } from 'react'
import { type FloorState, useFloorStore } from '../stores/floor-store'
import { nameRanker, visibleIds } from '../utils/filter-sort'
import type { FloorView } from '../utils/floor-view'
import { arraysEqual, memoSelector } from '../utils/memo-selector'
import { useCollator } from './use-collator'

/**
 * The ids the grid shows, filtered and sorted. Recomputed only when the agents, the view or
 * the language change (names are ordered once and reused: see `nameRanker`), and the same array is returned while the result is equal, so the grid
 * re-renders only when its list really changed (not on every batch).
 */
export function useVisibleAgentIds(view: FloorView): readonly string[] {
  const collator = useCollator()
  // Name order outlives a view change; a new language orders names anew.
  const ranksOf = useMemo(() => nameRanker(collator), [collator])
  const select = useMemo(() => {
    const derive = memoSelector(
      (agents: FloorState['agents'], ids: FloorState['ids']) =>
        visibleIds(agents, ids, view, collator, ranksOf(agents, ids)),
      arraysEqual,
    )
    return (s: FloorState) => derive(s.agents, s.ids)
  }, [view, collator, ranksOf])
  return useFloorStore(select)
}
