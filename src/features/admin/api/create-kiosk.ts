import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type CreateKioskBody, type CreatedKiosk, createdKioskSchema } from '@/shared/admin'
import { apiRequest } from '@/lib/api-client'
import { KIOSKS_QUERY_KEY } from './get-kiosks'

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
