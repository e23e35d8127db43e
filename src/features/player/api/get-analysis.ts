import { queryOptions, useQuery } from '@tanstack/react-query'
import { type RecordingAnalysis, recordingAnalysisSchema } from '@/shared/recording-analysis'
import { apiRequest } from '@/lib/api-client'

/** A recording's silences, cross-talk and talk ratio, read on the relay with its waveform. */
export function getAnalysis(recordingId: string, signal?: AbortSignal): Promise<RecordingAnalysis> {
  return apiRequest(`/api/recordings/${encodeURIComponent(recordingId)}/analysis`, {
    schema: recordingAnalysisSchema,
    signal,
  })
}

export function analysisQueryOptions(recordingId: string) {
  return queryOptions({
    queryKey: ['recordings', 'analysis', recordingId] as const,
    queryFn: ({ signal }) => getAnalysis(recordingId, signal),
    // The audio never changes, but the admin's long-silence length may: a minute, as the relay.
    staleTime: 60_000,
    retry: false, // the figures offer their own retry
  })
}

export function useAnalysis(recordingId: string) {
  return useQuery(analysisQueryOptions(recordingId))
}
