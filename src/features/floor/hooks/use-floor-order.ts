import { use, useMemo, useState } from 'react'
import { ThresholdsContext } from '../components/thresholds-context'
import { useFloorStore } from '../stores/floor-store'
import { breachingFirst } from '../utils/filter-sort'
import { exceptionsFirst, onlyOverTime } from '../utils/exceptions-first'
import type { FloorView } from '../utils/floor-view'
import { arraysEqual } from '../utils/memo-selector'
import { useBreachLevels } from './use-breach-levels'

/**
 * `ids` (filtered and sorted) as the floor shows them: exceptions first when that is the sort,
 * or breaching agents moved ahead when asked; only the agents over time when filtered so. The
 * list follows the clock, as agents cross their thresholds.
 */
export function useFloorOrder(
  ids: readonly string[],
  view: Pick<FloorView, 'sort' | 'breachFirst' | 'overTime'>,
): readonly string[] {
  const settings = use(ThresholdsContext)
  const exceptions = view.sort === 'exceptions'
  const levels = useBreachLevels(exceptions || view.breachFirst || view.overTime)
  const order = useMemo(() => {
    // The crossing times need the agents; they change when a level does, which re-runs this.
    const ordered = exceptions
      ? exceptionsFirst(ids, levels, useFloorStore.getState().agents, settings)
      : view.breachFirst
        ? breachingFirst(ids, levels)
        : ids
    return view.overTime ? onlyOverTime(ordered, levels) : ordered
  }, [ids, levels, settings, exceptions, view.breachFirst, view.overTime])
  return useStable(order)
}

/** The previous array while the new one holds the same ids in the same order. */
function useStable(next: readonly string[]): readonly string[] {
  const [kept, setKept] = useState(next)
  if (arraysEqual(kept, next)) return kept
  setKept(next)
  return next
}
