import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { type FloorMoments, floorMomentsSchema } from '@/shared/replay'

/** The breaches and service-level crossings between two times (server clock, epoch ms). */
export function getFloorMoments(
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<FloorMoments> {
  return apiRequest(`/api/floor/moments?from=${from}&to=${to}`, {
    schema: floorMomentsSchema,
    signal,
  })
}

const HOUR_MS = 3_600_000
const AROUND_HOURS = 2 // moments asked for on each side of the shown moment's hour

/** The window of moments around `at`: whole hours, so playing on does not ask again each second. */
export function momentsWindow(at: number): { from: number; to: number } {
  const hour = Math.floor(at / HOUR_MS) * HOUR_MS
  return { from: hour - AROUND_HOURS * HOUR_MS, to: hour + (AROUND_HOURS + 1) * HOUR_MS }
}

export function floorMomentsQueryOptions(from: number, to: number) {
  return queryOptions({
    queryKey: ['floor', 'moments', from, to] as const,
    queryFn: ({ signal }) => getFloorMoments(from, to, signal),
    staleTime: 60_000, // ms: the current hour's window gains moments as the day goes on
  })
}

/** The moments around the shown moment; nothing is asked while the floor is live (`at` null). */
export function useFloorMoments(at: number | null) {
  const { from, to } = momentsWindow(at ?? 0)
  return useQuery({ ...floorMomentsQueryOptions(from, to), enabled: at !== null })
}
