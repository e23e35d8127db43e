import { queryOptions, useQuery } from '@tanstack/react-query'
import { type Preferences, preferencesSchema } from '@/shared/preferences'
import { apiRequest } from '@/lib/api-client'

export function getPreferences(signal?: AbortSignal): Promise<Preferences> {
  return apiRequest('/api/me/preferences', { schema: preferencesSchema, signal })
}

export const PREFERENCES_QUERY_KEY = ['me', 'preferences'] as const

export function preferencesQueryOptions() {
  return queryOptions({
    queryKey: PREFERENCES_QUERY_KEY,
    queryFn: ({ signal }) => getPreferences(signal),
    // Only this user changes them, and each change updates the cache: no need to ask again.
    staleTime: Infinity,
    // A wall-screen link has no user and is refused: the floor then keeps its defaults.
    retry: false,
  })
}

/** The signed-in user's own settings (the floor's density); `{}` until they load or if refused. */
export function usePreferences() {
  return useQuery(preferencesQueryOptions())
}
