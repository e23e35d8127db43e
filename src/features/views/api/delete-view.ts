import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { VIEWS_QUERY_KEY } from './get-views'

/** Deletes a saved view (its owner, or an admin); links to it stop working. */
export function deleteView(id: number): Promise<void> {
  return apiRequest(`/api/views/${id}`, { method: 'DELETE' })
}

export function useDeleteView() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteView,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VIEWS_QUERY_KEY }),
  })
}
