import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { KIOSKS_QUERY_KEY } from './get-kiosks'

/** Revokes a wall-screen link; screens using it are signed out at once. */
export function revokeKiosk(id: number): Promise<void> {
  return apiRequest(`/api/kiosks/${id}`, { method: 'DELETE' })
}

export function useRevokeKiosk() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: revokeKiosk,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KIOSKS_QUERY_KEY }),
  })
}
