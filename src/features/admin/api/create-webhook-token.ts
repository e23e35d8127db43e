import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  type CreatedWebhookToken,
  type CreateWebhookTokenBody,
  createdWebhookTokenSchema,
} from '@/shared/webhook-tokens'
import { apiRequest } from '@/lib/api-client'
import { WEBHOOK_TOKENS_QUERY_KEY } from './get-webhook-tokens'

/** Mints a webhook token; its callback path (with the secret) is answered only now. */
export function createWebhookToken(body: CreateWebhookTokenBody): Promise<CreatedWebhookToken> {
  return apiRequest('/api/webhook-tokens', {
    method: 'POST',
    body,
    schema: createdWebhookTokenSchema,
  })
}

export function useCreateWebhookToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createWebhookToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOK_TOKENS_QUERY_KEY }),
  })
}
