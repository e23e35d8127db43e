import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type AdminUser, type UpdateUserBody, adminUserSchema } from '@/shared/admin'
import { apiRequest } from '@/lib/api-client'
import { USERS_QUERY_KEY } from './get-users'

export interface UpdateUserInput {
  id: number
  body: UpdateUserBody
}

/** Changes role, department, skills or the disabled flag; disabling signs the user out everywhere. */
export function updateUser({ id, body }: UpdateUserInput): Promise<AdminUser> {
  return apiRequest(`/api/users/${id}`, { method: 'PATCH', body, schema: adminUserSchema })
}

export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      queryClient.setQueryData<AdminUser[]>(USERS_QUERY_KEY, (users) =>
        users?.map((u) => (u.id === user.id ? user : u)),
      )
      return queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY })
    },
  })
}
