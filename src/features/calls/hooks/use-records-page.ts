import {
  type UseQueryOptions,
  type UseQueryResult,
  keepPreviousData,
  useQuery,
} from '@tanstack/react-query'
import type { CallsPage, CallsQuery, RobotCallsQuery } from '@/shared/cdr'
import { callsQueryOptions } from '../api/get-calls'
import { robotCallsQueryOptions } from '../api/get-robot-calls'
import type { ListTab } from '../utils/list-search'

/** A row of either grid: the platform's fields by name. */
export type RecordRow = Record<string, unknown>

export type AnyRecordsQuery = CallsQuery | RobotCallsQuery

/** A page of call records or of robot calls; the last page stays shown while the next loads. */
export function useRecordsPage(
  tab: ListTab,
  query: AnyRecordsQuery | null,
): UseQueryResult<CallsPage<RecordRow>> {
  const options =
    tab === 'robot'
      ? robotCallsQueryOptions(query as RobotCallsQuery | null)
      : callsQueryOptions(query as CallsQuery | null)
  // Both answer pages of rows by field name; the grid reads them alike.
  return useQuery({
    ...(options as unknown as UseQueryOptions<CallsPage<RecordRow>>),
    placeholderData: keepPreviousData,
  })
}
