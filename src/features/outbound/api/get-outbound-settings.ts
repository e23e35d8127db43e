import { queryOptions, useQuery } from '@tanstack/react-query'
import { type OutboundSettings, outboundSettingsSchema } from '@/shared/outbound'
import { apiRequest } from '@/lib/api-client'

export function getOutboundSettings(signal?: AbortSignal): Promise<OutboundSettings> {
  return apiRequest('/api/outbound/settings', { schema: outboundSettingsSchema, signal })
}

export const OUTBOUND_SETTINGS_QUERY_KEY = ['outbound', 'settings'] as const

/** The tenant's outbound settings: the prefix a call back dials with unless told otherwise. */
export function useOutboundSettings() {
  return useQuery(
    queryOptions({
      queryKey: OUTBOUND_SETTINGS_QUERY_KEY,
      queryFn: ({ signal }) => getOutboundSettings(signal),
    }),
  )
}
