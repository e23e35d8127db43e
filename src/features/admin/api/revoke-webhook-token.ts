import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { WEBHOOK_TOKENS_QUERY_KEY } from './get-webhook-tokens'

/** Revokes a webhook token: the next event presented with it is refused. */
export function revokeWebhookToken(id: number): Promise<void> {
  return apiRequest(`/api/webhook-tokens/${id}`, { method: 'DELETE' })
}

export function useRevokeWebhookToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: revokeWebhookToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOK_TOKENS_QUERY_KEY }),
  })
}
