import { queryOptions, useQuery } from '@tanstack/react-query'
import { type RecordingPeaks, recordingPeaksSchema } from '@/shared/cdr'
import { apiRequest } from '@/lib/api-client'

/** A recording's waveform, computed once on the relay (nothing is decoded in the browser). */
export function getPeaks(recordingId: string, signal?: AbortSignal): Promise<RecordingPeaks> {
  return apiRequest(`/api/recordings/${encodeURIComponent(recordingId)}/peaks`, {
    schema: recordingPeaksSchema,
    signal,
  })
}

export function peaksQueryOptions(recordingId: string) {
  return queryOptions({
    queryKey: ['recordings', 'peaks', recordingId] as const,
    queryFn: ({ signal }) => getPeaks(recordingId, signal),
    staleTime: Infinity, // a recording's waveform never changes
    retry: false, // the player offers its own retry
  })
}

export function usePeaks(recordingId: string) {
  return useQuery(peaksQueryOptions(recordingId))
}
