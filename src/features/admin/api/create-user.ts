import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import type { CreateUserBody, CreatedUser } from '@/shared/admin'
import { apiRequest } from '@/lib/api-client'
import { USERS_QUERY_KEY, adminUserSchema } from './get-users'

const createdUserSchema = z.object({
  user: adminUserSchema,
  password: z.string().optional(),
}) satisfies z.ZodType<CreatedUser>

/** Adds a user; without a password the relay makes a temporary one and answers it this once. */
export function createUser(body: CreateUserBody): Promise<CreatedUser> {
  return apiRequest('/api/users', { method: 'POST', body, schema: createdUserSchema })
}

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  })
}
