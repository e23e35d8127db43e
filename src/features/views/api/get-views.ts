import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { type SavedView, savedViewSchema } from '@/shared/views'
import { apiRequest } from '@/lib/api-client'

export function getViews(signal?: AbortSignal): Promise<SavedView[]> {
  return apiRequest('/api/views', { schema: z.array(savedViewSchema), signal })
}

export const VIEWS_QUERY_KEY = ['views'] as const

export function viewsQueryOptions() {
  return queryOptions({
    queryKey: VIEWS_QUERY_KEY,
    queryFn: ({ signal }) => getViews(signal),
    staleTime: 10_000, // ms: a colleague's new view shows the next time the list opens
  })
}

/** The tenant's saved floor views, by name. */
export function useViews(options: { enabled?: boolean } = {}) {
  return useQuery({ ...viewsQueryOptions(), enabled: options.enabled ?? true })
}
