import { useMutation } from '@tanstack/react-query'
import { z } from 'zod'
import type { ProfileBody } from '@/shared/actions'
import { type Me, ROLES } from '@/shared/auth'
import { apiRequest } from '@/lib/api-client'
import { scopeSchema } from '@/lib/auth-schemas'

const meSchema = z.object({
  kind: z.enum(['user', 'kiosk']),
  id: z.number(),
  username: z.string(),
  role: z.enum(ROLES),
  scope: scopeSchema,
  deviceId: z.string().nullable(),
  phoneNumber: z.string().nullable(),
}) satisfies z.ZodType<Me>

/** `PATCH /api/me`: the supervisor's own extension and number; answers who they are now. */
export function updateProfile(body: ProfileBody): Promise<Me> {
  return apiRequest('/api/me', { method: 'PATCH', body, schema: meSchema })
}

/** `onSaved` gets the signed-in user as the relay now has them (the app refreshes its copy). */
export function useUpdateProfile(onSaved: (me: Me) => void) {
  return useMutation({ mutationFn: updateProfile, onSuccess: (me) => onSaved(me) })
}
