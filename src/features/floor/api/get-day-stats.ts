import { queryOptions, useQuery } from '@tanstack/react-query'
import { type DayStats, dayStatsSchema } from '@/shared/day-stats'
import { apiRequest } from '@/lib/api-client'

export function getDayStats(signal?: AbortSignal): Promise<DayStats> {
  return apiRequest('/api/floor/day-stats', { schema: dayStatsSchema, signal })
}

const DAY_STATS_REFRESH_MS = 30_000 // day totals move slowly; the live state comes by socket

export function dayStatsQueryOptions() {
  return queryOptions({
    queryKey: ['floor', 'day-stats'] as const,
    queryFn: ({ signal }) => getDayStats(signal),
    refetchInterval: DAY_STATS_REFRESH_MS,
    staleTime: DAY_STATS_REFRESH_MS / 2,
  })
}

/** Today's per-agent figures, asked only while the table (the one view showing them) is open. */
export function useDayStats(enabled: boolean) {
  return useQuery({ ...dayStatsQueryOptions(), enabled })
}
