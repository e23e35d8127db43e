import { useFloorStore } from '@/features/floor/stores/floor-store'
import { SETTINGS_QUERY_KEY } from '@/features/settings/api/get-settings'
import { queryClient } from '@/lib/query-client'
import type { FloorSettings } from '@/shared/settings'
import { floorLink } from './floor-link'

/**
 * Keeps the thresholds every screen uses current: a change an admin makes arrives over the live
 * link (`settings:changed`) and replaces the cached settings; after the link comes back they
 * are asked for again, in case a change went by meanwhile. Returns the uninstall.
 */
export function installSettingsSync(): () => void {
  const stopPush = floorLink.onSettingsChanged((settings) =>
    queryClient.setQueryData<FloorSettings>(SETTINGS_QUERY_KEY, settings),
  )
  const stopReconnect = useFloorStore.subscribe((s, prev) => {
    if (s.link.connected && !prev.link.connected && prev.link.everConnected)
      void queryClient.invalidateQueries({ queryKey: SETTINGS_QUERY_KEY })
  })
  return () => {
    stopPush()
    stopReconnect()
  }
}
