import { queryOptions, useQuery } from '@tanstack/react-query'
import { recentActivitiesSchema } from '@/shared/outbound'
import { apiRequest } from '@/lib/api-client'

export async function getRecentActivities(signal?: AbortSignal): Promise<string[]> {
  const answer = await apiRequest('/api/outbound/recent-activities', {
    schema: recentActivitiesSchema,
    signal,
  })
  return answer.activityIds
}

export const RECENT_ACTIVITIES_QUERY_KEY = ['outbound', 'recent-activities'] as const

/** Activity ids the user launched instant calls with, newest first. */
export function useRecentActivities() {
  return useQuery(
    queryOptions({
      queryKey: RECENT_ACTIVITIES_QUERY_KEY,
      queryFn: ({ signal }) => getRecentActivities(signal),
    }),
  )
}
