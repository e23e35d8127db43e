import { create } from 'zustand'
import type { FloorSink } from '@/lib/floor-sink'
import { showFloor } from './shown-floor'
import {
  type ConnectionStatus,
  type LinkState,
  deriveStatus,
  nextOffset,
} from './connection-status'
import {
  EMPTY_FLOOR,
  type FloorData,
  applyChange,
  applySnapshot,
  heartbeatIsAhead,
} from './floor-reducers'

export interface FloorState extends FloorData {
  link: LinkState
  status: ConnectionStatus
  /** Server clock minus local clock, ms (0 until the first message). */
  offset: number
  hasOffset: boolean
  /** While looking back, the moment shown (server clock, epoch ms): timers stand there. Null live. */
  pastAt: number | null
}

export type FloorStore = FloorState & FloorSink

function initialState(now: number): FloorState {
  return {
    ...EMPTY_FLOOR,
    link: { connected: false, everConnected: false, changedAt: now, lastMessageAt: null },
    status: 'connecting',
    offset: 0,
    hasOffset: false,
    pastAt: null,
  }
}

/** Bookkeeping common to every message: the link is alive, and the clocks compare so. */
function heard(state: FloorState, serverTime: number, at: number): Partial<FloorState> {
  const link = { ...state.link, lastMessageAt: at }
  return {
    link,
    status: deriveStatus(link, at),
    offset: nextOffset(state.hasOffset ? state.offset : null, serverTime - at),
    hasOffset: true,
  }
}

/**
 * The live floor. Fed only by the socket module (through the FloorSink methods); components
 * read it with narrow selectors, e.g. `useAgent(id)`, so one agent's change re-renders one tile.
 */
export const useLiveFloorStore = create<FloorStore>()((set, get) => ({
  ...initialState(Date.now()),

  receiveSnapshot(snapshot, at) {
    set((s) => ({ ...applySnapshot(snapshot), ...heard(s, snapshot.serverTime, at) }))
  },

  receiveChange(change, at) {
    const s = get()
    const result = applyChange(s, change)
    if (result.outcome === 'applied') set({ ...result.floor, ...heard(s, change.serverTime, at) })
    else set(heard(s, change.serverTime, at))
    return result.outcome
  },

  receiveHeartbeat(beat, at) {
    const s = get()
    set({
      ...heard(s, beat.serverTime, at),
      lastEventAt: beat.lastEventAt ?? s.lastEventAt,
    })
    return heartbeatIsAhead(s, beat)
  },

  linkUp(recovered, at) {
    set((s) => {
      const link = { ...s.link, connected: true, everConnected: true, changedAt: at }
      // Without recovery the server starts us over with a snapshot; until it lands, no batch fits.
      return { link, status: deriveStatus(link, at), synced: recovered && s.synced }
    })
  },

  linkDown(at) {
    set((s) => {
      if (!s.link.connected) return {}
      const link = { ...s.link, connected: false, changedAt: at }
      return { link, status: deriveStatus(link, at) }
    })
  },

  refreshStatus(now) {
    const s = get()
    const status = deriveStatus(s.link, now)
    if (status !== s.status) set({ status })
  },
}))

/** The floor as shown: the live one, or the past moment while looking back (see `shown-floor.ts`). */
export const useFloorStore = showFloor(useLiveFloorStore)

/** Back to a page that has heard nothing (tests). */
export function resetFloorStore(now = Date.now()): void {
  useFloorStore.setState(initialState(now))
}

/** The store as the socket module's sink; reads the current actions each call. */
export const floorStoreSink: FloorSink = {
  receiveSnapshot: (snapshot, at) => useFloorStore.getState().receiveSnapshot(snapshot, at),
  receiveChange: (change, at) => useFloorStore.getState().receiveChange(change, at),
  receiveHeartbeat: (beat, at) => useFloorStore.getState().receiveHeartbeat(beat, at),
  linkUp: (recovered, at) => useFloorStore.getState().linkUp(recovered, at),
  linkDown: (at) => useFloorStore.getState().linkDown(at),
  refreshStatus: (now) => useFloorStore.getState().refreshStatus(now),
}
