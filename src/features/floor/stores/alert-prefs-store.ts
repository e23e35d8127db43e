import { create } from 'zustand'

/** Which breach alerts this browser gives its supervisor (kept per browser, not per account). */
export interface AlertPrefs {
  /** A short chime when an agent turns red. */
  sound: boolean
  /** A desktop notification when an agent turns red. */
  notify: boolean
}

const STORAGE_KEY = 'wellcloud.breachAlerts'
const OFF: AlertPrefs = { sound: false, notify: false }

function load(): AlertPrefs {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY)
    const value = raw ? (JSON.parse(raw) as Partial<AlertPrefs>) : {}
    return { sound: value.sound === true, notify: value.notify === true }
  } catch {
    return OFF // storage blocked, or not ours: start with alerts off
  }
}

function save(prefs: AlertPrefs): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(prefs))
  } catch {
    // Not kept; the switch still applies to this page.
  }
}

export const useAlertPrefs = create<AlertPrefs & { set: (patch: Partial<AlertPrefs>) => void }>()(
  (set, get) => ({
    ...load(),
    set(patch) {
      set(patch)
      const { sound, notify } = get()
      save({ sound, notify })
    },
  }),
)
