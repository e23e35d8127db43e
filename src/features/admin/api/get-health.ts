import { queryOptions, useQuery } from '@tanstack/react-query'
import { type HealthDetails, healthDetailsSchema } from '@/shared/health'
import { apiRequest } from '@/lib/api-client'

export function getHealth(signal?: AbortSignal): Promise<HealthDetails> {
  return apiRequest('/api/health/details', { schema: healthDetailsSchema, signal })
}

export const HEALTH_QUERY_KEY = ['admin', 'health'] as const

const HEALTH_REFRESH_MS = 15_000 // counters, the link and the quarantine move while the page is open

export function healthQueryOptions() {
  return queryOptions({
    queryKey: HEALTH_QUERY_KEY,
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: 0, // every visit shows what arrived since
    refetchInterval: HEALTH_REFRESH_MS,
  })
}

/**
 * The relay's health details: webhook counters, the call-control link, and the quarantine's
 * count for the admin's tenant.
 */
export function useHealth() {
  return useQuery(healthQueryOptions())
}
