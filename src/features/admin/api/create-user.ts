import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type CreateUserBody, type CreatedUser, createdUserSchema } from '@/shared/admin'
import { apiRequest } from '@/lib/api-client'
import { USERS_QUERY_KEY } from './get-users'

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
