import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { type PastFloor, pastFloorSchema } from '@/shared/replay'

/** The floor as this user's audience saw it at `at` (server clock, epoch ms). */
export function getPastFloor(at: number, signal?: AbortSignal): Promise<PastFloor> {
  return apiRequest(`/api/floor?at=${Math.round(at)}`, { schema: pastFloorSchema, signal })
}

// A played-back floor asks a new moment every second: its answers are let go soon after they
// are left, or a minute at 60× would keep 60 floors of 5,000 agents in memory.
const PAST_FLOOR_KEPT_MS = 15_000

export function pastFloorQueryOptions(at: number) {
  return queryOptions({
    queryKey: ['floor', 'past', at] as const,
    queryFn: ({ signal }) => getPastFloor(at, signal),
    staleTime: Infinity, // what was, was: a moment once answered is not asked again
    gcTime: PAST_FLOOR_KEPT_MS,
    // While the next moment loads the floor keeps showing the one before.
    placeholderData: keepPreviousData,
  })
}
