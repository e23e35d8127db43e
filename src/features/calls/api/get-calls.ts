import { queryOptions, skipToken } from '@tanstack/react-query'
import type { CallsPage, CallsQuery, CdrListItem } from '@/shared/cdr'
import { apiRequest } from '@/lib/api-client'
import { toQueryString } from '../utils/list-search'
import { listPageSchema, retryListQuery } from './list-page-schema'

/** One page of the tenant's call records (§4.5). */
export async function getCalls(query: CallsQuery, signal?: AbortSignal): Promise<CallsPage> {
  const page = await apiRequest(`/api/calls?${toQueryString(query)}`, {
    schema: listPageSchema,
    signal,
  })
  // Rows without a call id cannot be opened or told apart: the relay drops them already.
  const list = page.list.filter((r) => typeof r.callId === 'string') as unknown as CdrListItem[]
  return { total: page.total, list }
}

export function callsQueryOptions(query: CallsQuery | null) {
  return queryOptions({
    queryKey: ['calls', 'list', query] as const,
    // No query yet (a field to fix first): nothing to ask.
    queryFn: query ? ({ signal }) => getCalls(query, signal) : skipToken,
    retry: retryListQuery,
  })
}
