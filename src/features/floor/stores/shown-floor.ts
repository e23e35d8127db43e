import { type StoreApi, type UseBoundStore, useStore } from 'zustand'
import { EMPTY_FLOOR } from './floor-reducers'
import type { FloorStore } from './floor-store'
import { type ReplayState, useReplayStore } from './replay-store'

/**
 * What the floor shows: the live floor, or while looking back the past frame laid over it. Only
 * the floor's data is replaced: the link and the socket's actions stay the live ones, so what
 * the socket hears keeps going to the live floor and going back to live is instant.
 * The clock stands at the shown moment (`pastAt`), and nothing dims for the live link's sake.
 */
function compose(live: FloorStore, replay: ReplayState): FloorStore {
  if (replay.at === null) return live
  const frame = replay.frame
  if (!frame) return { ...live, ...EMPTY_FLOOR, status: 'live', pastAt: replay.at }
  return {
    ...live,
    ...frame.data,
    status: 'live',
    pastAt: frame.at,
    // What reads the server clock by the offset (call-backs' waits) reads the shown moment.
    offset: frame.at - Date.now(),
  }
}

/**
 * The floor store as components see it: `live` while the floor is live, the past frame while
 * looking back. Reads, subscriptions and selectors go through the shown floor; writes
 * (`setState`, the socket's actions) go to `live`.
 */
export function showFloor(live: StoreApi<FloorStore>): UseBoundStore<StoreApi<FloorStore>> {
  let liveState = live.getState()
  let replayState: ReplayState = useReplayStore.getState()
  let shown = compose(liveState, replayState)
  const read = (): FloorStore => {
    const l = live.getState()
    const r = useReplayStore.getState()
    // Only what the composition reads counts: the speed or play toggling changes nothing here.
    if (l !== liveState || r.at !== replayState.at || r.frame !== replayState.frame) {
      shown = compose(l, r)
    }
    liveState = l
    replayState = r
    return shown
  }
  const listeners = new Set<(state: FloorStore, previous: FloorStore) => void>()
  const notify = () => {
    const previous = shown
    const next = read()
    if (next !== previous) for (const listener of listeners) listener(next, previous)
  }
  live.subscribe(notify)
  useReplayStore.subscribe(notify)
  const api: StoreApi<FloorStore> = {
    getState: read,
    getInitialState: live.getInitialState,
    setState: live.setState,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
  function useShownFloor(): FloorStore
  function useShownFloor<T>(selector: (state: FloorStore) => T): T
  function useShownFloor<T>(selector?: (state: FloorStore) => T) {
    return useStore(api, selector ?? ((s) => s as unknown as T))
  }
  return Object.assign(useShownFloor, api)
}
