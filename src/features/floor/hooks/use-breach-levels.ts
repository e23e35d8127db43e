import { use, useMemo, useSyncExternalStore } from 'react'
import { subscribeTick, tickNow } from '@/lib/ticker'
import type { FloorSettings } from '@/shared/settings'
import { ThresholdsContext } from '../components/thresholds-context'
import { floorClock } from '../stores/connection-status'
import { useFloorStore } from '../stores/floor-store'
import { type BreachLevels, breachLevels, sameLevels } from '../utils/breach'

const NONE: BreachLevels = {}

function subscribeAll(listener: () => void): () => void {
  const stopTick = subscribeTick(listener)
  const stopStore = useFloorStore.subscribe(listener)
  return () => {
    stopTick()
    stopStore()
  }
}

const noSubscription = () => () => {}

/**
 * Reads the levels at the last tick, deriving them again only when the floor, the clock offset
 * or the tick moved, and handing out the previous object while they are the same.
 */
function levelsReader(settings: FloorSettings | null): () => BreachLevels {
  let last = NONE
  let inputs: readonly unknown[] = []
  return () => {
    if (!settings) return NONE
    const s = useFloorStore.getState()
    const now = tickNow()
    const next = [s.agents, s.ids, s.offset, s.status, s.link, now]
    if (next.every((v, i) => Object.is(v, inputs[i]))) return last
    inputs = next
    const levels = breachLevels(s.agents, s.ids, settings, floorClock(s, now))
    if (!sameLevels(last, levels)) last = levels
    return last
  }
}

const readNone = () => NONE

/**
 * Every agent past a threshold, re-derived on each tick and each batch. The same object is
 * handed out while the levels stay the same, so a caller re-renders only when someone crosses
 * a threshold (or leaves a breach). `enabled: false` costs nothing and returns no breaches.
 */
export function useBreachLevels(enabled = true): BreachLevels {
  const settings = use(ThresholdsContext)
  const read = useMemo(() => (enabled ? levelsReader(settings) : readNone), [enabled, settings])
  return useSyncExternalStore(enabled ? subscribeAll : noSubscription, read, read)
}
