import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { TodayFigures } from '@/shared/floor'
import { FIGURES_QUERY_KEY, useFilteredFigures } from '../api/get-figures'
import { useFloorStore } from '../stores/floor-store'
import type { FloorView } from '../utils/floor-view'

// Filtered figures are asked again when the live ones change, at most this often, ms: a busy
// floor ends several calls a second.
const REFRESH_MIN_MS = 3_000

export interface ShownFigures {
  figures: TodayFigures | null
  /** True when they follow a department or skill filter (not everything the user may see). */
  filtered: boolean
  /** A department filter is on: queue figures are for every department. */
  byDept: boolean
  /** A skill filter is on: outbound calls, which have no skill group, are for every skill group. */
  bySkill: boolean
  /** Filtered figures for a new filter are on their way (the previous ones are shown). */
  updating: boolean
  /** The filtered figures could not be fetched. */
  failed: boolean
}

/**
 * Today's figures for what the floor shows: the live ones the relay pushes when nothing is
 * filtered, else the relay's figures for the filter, asked again as the live ones move.
 */
export function useShownFigures(view: Pick<FloorView, 'skills' | 'depts'>): ShownFigures {
  const live = useFloorStore((s) => s.figures)
  const filtered = view.skills.length > 0 || view.depts.length > 0
  const query = useFilteredFigures(view, filtered)
  useRefreshOnChange(live, filtered)
  return {
    figures: filtered ? (query.data ?? null) : live,
    filtered,
    byDept: view.depts.length > 0,
    bySkill: view.skills.length > 0,
    updating: filtered && query.isPlaceholderData,
    failed: filtered && query.isError && query.data === undefined,
  }
}

/** Marks the filtered figures stale when the live ones change, throttled. */
function useRefreshOnChange(live: TodayFigures | null, enabled: boolean): void {
  const client = useQueryClient()
  const last = useRef(0)
  // The live figures the filtered ones were last asked after: the first fetch needs no refresh.
  const seen = useRef<TodayFigures | null | undefined>(undefined)
  useEffect(() => {
    if (!enabled) {
      seen.current = undefined
      return
    }
    if (seen.current === undefined || seen.current === live) {
      seen.current = live
      return
    }
    seen.current = live
    const refresh = () => {
      last.current = Date.now()
      void client.invalidateQueries({ queryKey: FIGURES_QUERY_KEY })
    }
    const wait = last.current + REFRESH_MIN_MS - Date.now()
    if (wait <= 0) {
      refresh()
      return
    }
    const timer = setTimeout(refresh, wait)
    return () => clearTimeout(timer)
  }, [client, live, enabled])
}
