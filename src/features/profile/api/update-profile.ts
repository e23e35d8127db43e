import { useMutation } from '@tanstack/react-query'
import type { ProfileBody } from '@/shared/actions'
import type { Me } from '@/shared/auth'
import { meSchema } from '@/shared/people'
import { apiRequest } from '@/lib/api-client'

/** `PATCH /api/me`: the supervisor's own extension and number; answers who they are now. */
export function updateProfile(body: ProfileBody): Promise<Me> {
  return apiRequest('/api/me', { method: 'PATCH', body, schema: meSchema })
}

/** `onSaved` gets the signed-in user as the relay now has them (the app refreshes its copy). */
export function useUpdateProfile(onSaved: (me: Me) => void) {
  return useMutation({ mutationFn: updateProfile, onSuccess: (me) => onSaved(me) })
}
