import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { type FloorSettings, floorSettingsSchema } from '@/shared/settings'
import { SETTINGS_QUERY_KEY } from './get-settings'

/** Replaces the tenant's thresholds and queue targets (admins); every screen hears of it. */
export function updateSettings(settings: FloorSettings): Promise<FloorSettings> {
  return apiRequest('/api/settings', {
    method: 'PUT',
    body: settings,
    schema: floorSettingsSchema,
  })
}

export function useUpdateSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (saved) => queryClient.setQueryData(SETTINGS_QUERY_KEY, saved),
  })
}
