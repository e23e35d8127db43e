import { useMemo } from 'react'
import { type FloorState, useFloorStore } from '../stores/floor-store'
import { nameRanker, visibleIdsKeeper } from '../utils/filter-sort'
import type { FloorView } from '../utils/floor-view'
import { useCollator } from './use-collator'

/**
 * The ids the grid shows, filtered and sorted. After a batch only the agents it changed are
 * placed again (see `visibleIdsKeeper`; names are ordered once and reused: see `nameRanker`),
 * and the same array is returned while the result is equal, so the grid re-renders only when
 * its list really changed (not on every batch).
 */
export function useVisibleAgentIds(view: FloorView): readonly string[] {
  const collator = useCollator()
  // Name order outlives a view change; a new language orders names anew.
  const ranksOf = useMemo(() => nameRanker(collator), [collator])
  const select = useMemo(() => {
    const derive = visibleIdsKeeper(view, collator, ranksOf)
    return (s: FloorState) => derive(s)
  }, [view, collator, ranksOf])
  return useFloorStore(select)
}
