import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { type FloorSettings, floorSettingsSchema } from '@/shared/settings'

export function getSettings(signal?: AbortSignal): Promise<FloorSettings> {
  return apiRequest('/api/settings', {
    schema: floorSettingsSchema,
    signal,
  })
}

export const SETTINGS_QUERY_KEY = ['settings'] as const

// Changes are pushed (`settings:changed`) and refetched after a reconnect; the interval is a
// safety net for wall screens that run for days.
const SETTINGS_REFRESH_MS = 10 * 60_000

export function settingsQueryOptions() {
  return queryOptions({
    queryKey: SETTINGS_QUERY_KEY,
    queryFn: ({ signal }) => getSettings(signal),
    staleTime: SETTINGS_REFRESH_MS,
    refetchInterval: SETTINGS_REFRESH_MS,
  })
}

/** The tenant's thresholds and queue targets. */
export function useSettings() {
  return useQuery(settingsQueryOptions())
}
