import { useMemo } from 'react'
import { breachingFirst } from '../utils/filter-sort'
import { useBreachLevels } from './use-breach-levels'

/**
 * `ids` with breaching agents moved ahead (red, then amber, each in `ids`' order) when `enabled`;
 * the list follows the clock, as agents cross their thresholds.
 */
export function useBreachFirst(ids: readonly string[], enabled: boolean): readonly string[] {
  const levels = useBreachLevels(enabled)
  return useMemo(() => (enabled ? breachingFirst(ids, levels) : ids), [ids, levels, enabled])
}
