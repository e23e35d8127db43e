import { queryOptions, useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import type { AdminUser } from '@/shared/admin'
import { apiRequest } from '@/lib/api-client'
import { roleSchema, scopeSchema } from '@/lib/auth-schemas'

export const adminUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  disabled: z.boolean(),
  deviceId: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<AdminUser>

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
