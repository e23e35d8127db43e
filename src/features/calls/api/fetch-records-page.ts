import type { CallsPage, CallsQuery, RobotCallsQuery } from '@/shared/cdr'
import type { RecordRow } from '../hooks/use-records-page'
import type { ListTab } from '../utils/list-search'
import { getCalls } from './get-calls'
import { getRobotCalls } from './get-robot-calls'

/** One page of either list, outside the cache (the CSV export walks every page once). */
export async function fetchRecordsPage(
  tab: ListTab,
  query: CallsQuery | RobotCallsQuery,
  signal: AbortSignal,
): Promise<CallsPage<RecordRow>> {
  if (tab === 'robot') return getRobotCalls(query as RobotCallsQuery, signal)
  const page = await getCalls(query as CallsQuery, signal)
  return page as unknown as CallsPage<RecordRow>
}
