import { queryOptions, skipToken } from '@tanstack/react-query'
import type { CallsPage, RobotCallsQuery } from '@/shared/cdr'
import { apiRequest } from '@/lib/api-client'
import { toQueryString } from '../utils/list-search'
import { listPageSchema, retryListQuery } from './list-page-schema'

/** A robot call (§4.6.2): the platform's fields as they came. */
export type RobotCallRow = Record<string, unknown>

/** One page of a robot campaign's call records (§4.6). */
export async function getRobotCalls(
  query: RobotCallsQuery,
  signal?: AbortSignal,
): Promise<CallsPage<RobotCallRow>> {
  return apiRequest(`/api/robot-calls?${toQueryString(query)}`, { schema: listPageSchema, signal })
}

export function robotCallsQueryOptions(query: RobotCallsQuery | null) {
  return queryOptions({
    queryKey: ['calls', 'robot', query] as const,
    // No query yet (a field to fix first): nothing to ask.
    queryFn: query ? ({ signal }) => getRobotCalls(query, signal) : skipToken,
    retry: retryListQuery,
  })
}
