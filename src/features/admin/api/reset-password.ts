import { useMutation, useQueryClient } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiRequest } from '@/lib/api-client'
import { USERS_QUERY_KEY } from './get-users'

const resetAnswerSchema = z.object({ password: z.string() })

/**
 * Gives a user a temporary password (made by the relay, answered this once) and ends their
 * sessions. Resolves to the password.
 */
export async function resetPassword(id: number): Promise<string> {
  const answer = await apiRequest(`/api/users/${id}/password`, {
    method: 'POST',
    body: {},
    schema: resetAnswerSchema,
  })
  return answer.password
}

export function useResetPassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }),
  })
}
