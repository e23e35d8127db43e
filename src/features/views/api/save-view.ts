import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type SaveViewBody, type SavedView, savedViewSchema } from '@/shared/views'
import { apiRequest } from '@/lib/api-client'
import { VIEWS_QUERY_KEY } from './get-views'

/** Saves the floor's filters and sort under a name, for the whole tenant. */
export function saveView(body: SaveViewBody): Promise<SavedView> {
  return apiRequest('/api/views', { method: 'POST', body, schema: savedViewSchema })
}

export function useSaveView() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveView,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VIEWS_QUERY_KEY }),
  })
}
