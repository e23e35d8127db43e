import { queryOptions, useQuery } from '@tanstack/react-query'
import { type Department, departmentsSchema } from '@/shared/directory'
import { apiRequest } from '@/lib/api-client'

export async function getDepartments(signal?: AbortSignal): Promise<Department[]> {
  const answer = await apiRequest('/api/admin/departments', { schema: departmentsSchema, signal })
  return answer.departments
}

export const DEPARTMENTS_QUERY_KEY = ['admin', 'departments'] as const

const DEPARTMENTS_STALE_MS = 30_000 // the tree changes only as agents of new departments log in

export function departmentsQueryOptions() {
  return queryOptions({
    queryKey: DEPARTMENTS_QUERY_KEY,
    queryFn: ({ signal }) => getDepartments(signal),
    staleTime: DEPARTMENTS_STALE_MS,
  })
}

/** The department tree the floor has shown, within the admin's own department. */
export function useDepartments() {
  return useQuery(departmentsQueryOptions())
}
