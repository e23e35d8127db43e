import { WebhookTokensPage } from '@/features/admin/components/webhook-tokens-page'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'

export function AdminWebhookTokensRoute() {
  return <WebhookTokensPage namespace={useCurrentUser().scope.namespace} />
}
