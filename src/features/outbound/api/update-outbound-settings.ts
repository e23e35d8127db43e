import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type OutboundSettings, outboundSettingsSchema } from '@/shared/outbound'
import { apiRequest } from '@/lib/api-client'
import { OUTBOUND_SETTINGS_QUERY_KEY } from './get-outbound-settings'

/** Replaces the tenant's outbound settings (admins only). */
export function updateOutboundSettings(settings: OutboundSettings): Promise<OutboundSettings> {
  return apiRequest('/api/outbound/settings', {
    method: 'PUT',
    body: settings,
    schema: outboundSettingsSchema,
  })
}

export function useUpdateOutboundSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateOutboundSettings,
    onSuccess: (answer) => queryClient.setQueryData(OUTBOUND_SETTINGS_QUERY_KEY, answer),
  })
}
