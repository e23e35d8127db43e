import { use, useMemo, useSyncExternalStore } from 'react'
import { subscribeTick, tickNow } from '@/lib/ticker'
import type { FloorSettings } from '@/shared/settings'
import { ThresholdsContext } from '../components/thresholds-context'
import { floorClock } from '../stores/connection-status'
import { useFloorStore } from '../stores/floor-store'
import { type BreachLevels, breachTracker } from '../utils/breach'

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
 * Reads the levels at the last tick, updating them only when the floor, the clock offset or the
 * tick moved, and then only for the agents a batch replaced or whose next threshold the clock
 * reached (see `breachTracker`); the previous object is handed out while they are the same.
 */
function levelsReader(settings: FloorSettings): () => BreachLevels {
  const track = breachTracker(settings)
  let last = NONE
  let inputs: readonly unknown[] = []
  return () => {
    const s = useFloorStore.getState()
    const now = tickNow()
    const next = [s.agents, s.ids, s.offset, s.status, s.link, now]
    if (next.every((v, i) => Object.is(v, inputs[i]))) return last
    inputs = next
    last = track(s, floorClock(s, now))
    return last
  }
}

const readNone = () => NONE

/** One reader per thresholds, shared by every caller (the order, the over-time count, the wall). */
const readers = new WeakMap<FloorSettings, () => BreachLevels>()

function sharedReader(settings: FloorSettings | null): () => BreachLevels {
  if (!settings) return readNone
  let read = readers.get(settings)
  if (!read) {
    read = levelsReader(settings)
    readers.set(settings, read)
  }
  return read
}

/**
 * Every agent past a threshold, re-derived on each tick and each batch. The same object is
 * handed out while the levels stay the same, so a caller re-renders only when someone crosses
 * a threshold (or leaves a breach). `enabled: false` costs nothing and returns no breaches.
 */
export function useBreachLevels(enabled = true): BreachLevels {
  const settings = use(ThresholdsContext)
  const read = useMemo(() => (enabled ? sharedReader(settings) : readNone), [enabled, settings])
  return useSyncExternalStore(enabled ? subscribeAll : noSubscription, read, read)
}
