import { create } from 'zustand'
import type { PastFloor } from '@/shared/replay'
import { type FloorData, applySnapshot } from './floor-reducers'

/** How fast a look back plays on: seconds of the past per second. */
export const REPLAY_SPEEDS = [1, 10, 60] as const
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number]

/** A past floor as the page shows it. */
export interface PastFrame {
  /** The moment it shows, server clock, epoch ms. */
  at: number
  data: FloorData
}

export interface ReplayState {
  /** The moment asked for, server clock, epoch ms; null while the floor is live. */
  at: number | null
  /**
   * The last past floor received in this look back. While the next moment loads it stays
   * (an earlier moment than `at`); null until the first one lands.
   */
  frame: PastFrame | null
  playing: boolean
  speed: ReplaySpeed
}

export interface ReplayStore extends ReplayState {
  /** Shows the floor at `at` (starts a look back, or moves it), paused. */
  lookBack: (at: number) => void
  /** Moves the shown moment as playing does, without pausing. */
  advanceTo: (at: number) => void
  /** A past floor arrived: shown if it belongs to this look back. */
  show: (past: PastFloor) => void
  play: () => void
  pause: () => void
  setSpeed: (speed: ReplaySpeed) => void
  /** Back to the live floor; the live store was kept current all along. */
  backToLive: () => void
}

const LIVE: ReplayState = { at: null, frame: null, playing: false, speed: 1 }

/**
 * Looking back: which past moment the floor shows instead of the live one. The floor store
 * reads it (see `shown-floor.ts`); the socket keeps feeding the live floor underneath.
 */
export const useReplayStore = create<ReplayStore>()((set, get) => ({
  ...LIVE,
  lookBack: (at) => set({ at, playing: false }),
  advanceTo: (at) => set({ at }),
  show: (past) => {
    if (get().at === null) return // a late answer after going back to live
    set({ frame: { at: past.at, data: applySnapshot(past) } })
  },
  play: () => set({ playing: true }),
  pause: () => set({ playing: false }),
  setSpeed: (speed) => set({ speed }),
  backToLive: () => set(LIVE),
}))

/** True while the floor shows a past moment. */
export function useReplaying(): boolean {
  return useReplayStore((s) => s.at !== null)
}
