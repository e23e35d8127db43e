import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Me } from '@/shared/auth'
import { meSchema } from '@/shared/people'
import { apiRequest, isUnauthenticated } from '@/lib/api-client'

export function getMe(signal?: AbortSignal): Promise<Me> {
  return apiRequest('/api/me', { schema: meSchema, ...(signal ? { signal } : {}) })
}

export const ME_QUERY_KEY = ['me'] as const

const ME_STALE_MS = 5 * 60_000 // the relay tells us when role or scope change (session:ended)
const ME_RETRY_EVERY_MS = 10_000 // a wall screen that woke up before the relay keeps trying

export function meQueryOptions() {
  return queryOptions({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: ME_STALE_MS,
    // Unreachable relay: ask again now and then, so an unattended screen recovers by itself.
    refetchInterval: (query) =>
      query.state.status === 'error' && !isUnauthenticated(query.state.error)
        ? ME_RETRY_EVERY_MS
        : false,
  })
}

/** The signed-in user or wall screen; a 401 error means nobody is signed in. */
export function useMe() {
  return useQuery(meQueryOptions())
}
