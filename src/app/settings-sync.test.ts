import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetFloorStore, useFloorStore } from '@/features/floor/stores/floor-store'
import { SETTINGS_QUERY_KEY } from '@/features/settings/api/get-settings'
import type { SettingsListener } from '@/lib/floor-socket'
import { queryClient } from '@/lib/query-client'
import { defaultSettings } from '@/shared/settings'
import { T0 } from '@/testing/fixtures'
import { installSettingsSync } from './settings-sync'

const link = vi.hoisted(() => ({ listeners: new Set<SettingsListener>() }))
vi.mock('./floor-link', () => ({
  floorLink: {
    onSettingsChanged: (listener: SettingsListener) => {
      link.listeners.add(listener)
      return () => link.listeners.delete(listener)
    },
  },
}))

const SETTINGS = defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 })

let uninstall: () => void
beforeEach(() => {
  resetFloorStore(T0)
  queryClient.clear()
  uninstall = installSettingsSync()
})
afterEach(() => uninstall())

describe('thresholds kept current', () => {
  it('takes the settings an admin saved, as the link pushes them', () => {
    const stricter = { ...SETTINGS, defaultQueue: { ...SETTINGS.defaultQueue, slTargetPct: 95 } }
    for (const listener of link.listeners) listener(stricter)
    expect(queryClient.getQueryData(SETTINGS_QUERY_KEY)).toEqual(stricter)
  })

  it('asks again after the link comes back, not on the first connection', () => {
    queryClient.setQueryData(SETTINGS_QUERY_KEY, SETTINGS)
    const stale = () => queryClient.getQueryState(SETTINGS_QUERY_KEY)?.isInvalidated
    const store = useFloorStore.getState()
    store.linkUp(false, T0)
    expect(stale()).toBe(false)
    store.linkDown(T0 + 1_000)
    store.linkUp(false, T0 + 5_000)
    expect(stale()).toBe(true)
  })

  it('stops listening when uninstalled', () => {
    uninstall()
    expect(link.listeners.size).toBe(0)
    uninstall = () => {}
  })
})
