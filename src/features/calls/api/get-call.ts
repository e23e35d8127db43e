import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiRequest } from '@/lib/api-client'
import { retryListQuery } from './list-page-schema'

/** One CDR (§4.4): every field the platform sent, shown field by field. */
export type CallRecord = Record<string, unknown>

const callSchema = z.looseObject({})

export function getCall(callId: string, signal?: AbortSignal): Promise<CallRecord> {
  return apiRequest(`/api/calls/${encodeURIComponent(callId)}`, { schema: callSchema, signal })
}

export function callQueryOptions(callId: string) {
  return queryOptions({
    queryKey: ['calls', 'detail', callId] as const,
    queryFn: ({ signal }) => getCall(callId, signal),
    retry: retryListQuery,
    staleTime: 5 * 60_000, // ms: an ended call's record does not change
  })
}

export function useCall(callId: string) {
  return useQuery(callQueryOptions(callId))
}
