import { create } from 'zustand'

/** How this browser plays recordings (kept per browser, not per account). */
export interface PlayerPrefs {
  /** Playback jumps over each long silence. */
  skipSilence: boolean
}

const STORAGE_KEY = 'wellcloud.playerPrefs'

function load(): PlayerPrefs {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY)
    const value = raw ? (JSON.parse(raw) as Partial<PlayerPrefs>) : {}
    return { skipSilence: value.skipSilence === true }
  } catch {
    return { skipSilence: false } // storage blocked, or not ours: play everything
  }
}

function save(prefs: PlayerPrefs): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(prefs))
  } catch {
    // Not kept; the switch still applies to this page.
  }
}

export const usePlayerPrefs = create<
  PlayerPrefs & { set: (patch: Partial<PlayerPrefs>) => void }
>()((set, get) => ({
  ...load(),
  set(patch) {
    set(patch)
    save({ skipSilence: get().skipSilence })
  },
}))
