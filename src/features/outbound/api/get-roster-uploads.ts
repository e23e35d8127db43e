import { queryOptions, useQuery } from '@tanstack/react-query'
import { type RosterUpload, rosterUploadsSchema } from '@/shared/outbound'
import { apiRequest } from '@/lib/api-client'

export async function getRosterUploads(signal?: AbortSignal): Promise<RosterUpload[]> {
  const answer = await apiRequest('/api/outbound/rosters', { schema: rosterUploadsSchema, signal })
  return answer.uploads
}

export const ROSTER_UPLOADS_QUERY_KEY = ['outbound', 'rosters'] as const

/** The tenant's call lists uploaded so far, newest first. */
export function useRosterUploads() {
  return useQuery(
    queryOptions({
      queryKey: ROSTER_UPLOADS_QUERY_KEY,
      queryFn: ({ signal }) => getRosterUploads(signal),
    }),
  )
}
