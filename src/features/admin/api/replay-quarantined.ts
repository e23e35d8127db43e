import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReplayAnswer, replayAnswerSchema } from '@/shared/webhook-quarantine'
import { apiRequest } from '@/lib/api-client'
import { HEALTH_QUERY_KEY } from './get-health'
import { QUARANTINE_QUERY_KEY } from './get-quarantine'

/**
 * Applies a quarantined webhook again, through the webhook's own checks. Resolves when it now
 * applies; a 400 (an ApiError) carries the reason it still does not.
 */
export function replayQuarantined(id: number): Promise<ReplayAnswer> {
  return apiRequest(`/api/webhooks/quarantine/${id}/replay`, {
    method: 'POST',
    schema: replayAnswerSchema,
  })
}

export function useReplayQuarantined() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: replayQuarantined,
    // Either way the list changes: replayed, or with the newest reason.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: QUARANTINE_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: HEALTH_QUERY_KEY }),
      ])
    },
  })
}
