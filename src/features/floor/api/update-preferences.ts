import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type Preferences, preferencesSchema } from '@/shared/preferences'
import { apiRequest } from '@/lib/api-client'
import { PREFERENCES_QUERY_KEY } from './get-preferences'

/** Stores the fields given (others stay) and answers with all of the user's preferences. */
export function updatePreferences(body: Preferences): Promise<Preferences> {
  return apiRequest('/api/me/preferences', { method: 'PUT', body, schema: preferencesSchema })
}

/** Applied at once on this screen (optimistically), then kept on the relay for the next sign-in. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updatePreferences,
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: PREFERENCES_QUERY_KEY })
      queryClient.setQueryData<Preferences>(PREFERENCES_QUERY_KEY, (old) => ({
        ...old,
        ...patch,
      }))
    },
    onSuccess: (stored) => queryClient.setQueryData(PREFERENCES_QUERY_KEY, stored),
  })
}
