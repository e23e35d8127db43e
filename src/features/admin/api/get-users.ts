import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { type AdminUser, adminUserSchema } from '@/shared/admin'
import { apiRequest } from '@/lib/api-client'

export function getUsers(signal?: AbortSignal): Promise<AdminUser[]> {
  return apiRequest('/api/users', { schema: z.array(adminUserSchema), signal })
}

export const USERS_QUERY_KEY = ['admin', 'users'] as const

export function usersQueryOptions() {
  return queryOptions({
    queryKey: USERS_QUERY_KEY,
    queryFn: ({ signal }) => getUsers(signal),
  })
}

/** The users of the admin's tenant (and department subtree). */
export function useUsers() {
  return useQuery(usersQueryOptions())
}
