import { queryOptions, useQuery } from '@tanstack/react-query'
import { type WebhookTokenList, webhookTokenListSchema } from '@/shared/webhook-tokens'
import { apiRequest } from '@/lib/api-client'

export function getWebhookTokens(signal?: AbortSignal): Promise<WebhookTokenList> {
  return apiRequest('/api/webhook-tokens', { schema: webhookTokenListSchema, signal })
}

export const WEBHOOK_TOKENS_QUERY_KEY = ['admin', 'webhook-tokens'] as const

const WEBHOOK_TOKENS_STALE_MS = 10_000 // "last used" moves while the platform sends

export function webhookTokensQueryOptions() {
  return queryOptions({
    queryKey: WEBHOOK_TOKENS_QUERY_KEY,
    queryFn: ({ signal }) => getWebhookTokens(signal),
    staleTime: WEBHOOK_TOKENS_STALE_MS,
  })
}

/** The tenant's webhook tokens (revoked ones included) and those its settings give it. */
export function useWebhookTokens() {
  return useQuery(webhookTokensQueryOptions())
}
