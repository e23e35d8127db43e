import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import type { CreateKioskBody, CreatedKiosk } from '@/shared/admin'
import { apiRequest } from '@/lib/api-client'
import { KIOSKS_QUERY_KEY, kioskLinkSchema } from './get-kiosks'

const createdKioskSchema = z.object({
  link: kioskLinkSchema,
  path: z.string().startsWith('/'),
}) satisfies z.ZodType<CreatedKiosk>

/** Mints a wall-screen link; its path (with the token) is answered only now. */
export function createKiosk(body: CreateKioskBody): Promise<CreatedKiosk> {
  return apiRequest('/api/kiosks', { method: 'POST', body, schema: createdKioskSchema })
}

export function useCreateKiosk() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createKiosk,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KIOSKS_QUERY_KEY }),
  })
}
