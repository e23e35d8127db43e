import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { type QuarantinePage, quarantinePageSchema } from '@/shared/webhook-quarantine'
import { apiRequest } from '@/lib/api-client'

export interface QuarantineRequest {
  page: number
  pageSize: number
}

export function getQuarantine(q: QuarantineRequest, signal?: AbortSignal): Promise<QuarantinePage> {
  const search = new URLSearchParams({
    limit: String(q.pageSize),
    offset: String(q.page * q.pageSize),
  })
  return apiRequest(`/api/webhooks/quarantine?${search}`, { schema: quarantinePageSchema, signal })
}

export const QUARANTINE_QUERY_KEY = ['admin', 'quarantine'] as const

export function quarantineQueryOptions(q: QuarantineRequest) {
  return queryOptions({
    queryKey: [...QUARANTINE_QUERY_KEY, q] as const,
    queryFn: ({ signal }) => getQuarantine(q, signal),
    staleTime: 0, // every visit shows what arrived since
    placeholderData: keepPreviousData, // the old page stays while the next one loads
  })
}

/** A page of the tenant's quarantined webhooks, newest first. */
export function useQuarantine(q: QuarantineRequest) {
  return useQuery(quarantineQueryOptions(q))
}

/** Where the whole body of an entry downloads from (a list carries only its start). */
export function quarantinedBodyUrl(id: number): string {
  return `/api/webhooks/quarantine/${id}/body`
}
