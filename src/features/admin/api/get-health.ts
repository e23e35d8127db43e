import { queryOptions, useQuery } from '@tanstack/react-query'
import { type HealthDetails, healthDetailsSchema } from '@/shared/health'
import { apiRequest } from '@/lib/api-client'

export function getHealthDetails(signal?: AbortSignal): Promise<HealthDetails> {
  return apiRequest('/api/health/details', { schema: healthDetailsSchema, signal })
}

export const HEALTH_QUERY_KEY = ['admin', 'health'] as const

const HEALTH_REFRESH_MS = 15_000 // the counters move while the platform sends

export function healthQueryOptions() {
  return queryOptions({
    queryKey: HEALTH_QUERY_KEY,
    queryFn: ({ signal }) => getHealthDetails(signal),
    staleTime: 0,
    refetchInterval: HEALTH_REFRESH_MS,
  })
}

/** The relay's counters, and the quarantine's count for the admin's tenant. */
export function useHealthDetails() {
  return useQuery(healthQueryOptions())
}
