import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import type { RecordingInfo } from '@/shared/cdr'
import { apiRequest } from '@/lib/api-client'
import { retryListQuery } from './list-page-schema'

const recordingSchema = z.looseObject({ id: z.string(), callId: z.string() })

/** The call's recordings (§4.2), `[]` when it has none. */
export async function getCallRecordings(
  callId: string,
  signal?: AbortSignal,
): Promise<RecordingInfo[]> {
  return apiRequest(`/api/calls/${encodeURIComponent(callId)}/recordings`, {
    schema: z.array(recordingSchema),
    signal,
  })
}

export function callRecordingsQueryOptions(callId: string) {
  return queryOptions({
    queryKey: ['calls', 'recordings', callId] as const,
    queryFn: ({ signal }) => getCallRecordings(callId, signal),
    retry: retryListQuery,
    staleTime: 5 * 60_000, // ms: recordings of an ended call do not change
  })
}

export function useCallRecordings(callId: string) {
  return useQuery(callRecordingsQueryOptions(callId))
}
