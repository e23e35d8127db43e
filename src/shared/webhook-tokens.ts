import * as z from 'zod/mini'

/** Where the platform posts its events; the token goes in the query: `?token=…`. */
export const WEBHOOK_PATH = '/webhooks/wellcloud'

/** A webhook token as the admin page lists it: never its secret, which is shown once. */
export const webhookTokenViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** The tenant whose events it admits. */
  namespace: z.string(),
  /** User name of the admin who minted it. */
  createdBy: z.string(),
  createdAt: z.number(),
  revokedAt: z.nullable(z.number()),
  lastUsedAt: z.nullable(z.number()),
})
export type WebhookTokenView = z.output<typeof webhookTokenViewSchema>

/** `GET /api/webhook-tokens`: the tenant's minted tokens, and those its settings give it. */
export const webhookTokenListSchema = z.object({
  tokens: z.array(webhookTokenViewSchema),
  /** `WEBHOOK_TOKEN` / `WEBHOOK_TOKENS` entries admitting this tenant (changed in the settings). */
  settings: z.object({ count: z.number(), lastUsedAt: z.nullable(z.number()) }),
})
export type WebhookTokenList = z.output<typeof webhookTokenListSchema>

export const createWebhookTokenBodySchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'give the token a name'), z.maxLength(100)),
})
export type CreateWebhookTokenBody = z.input<typeof createWebhookTokenBodySchema>

/** `POST /api/webhook-tokens`: the new token, and its callback path with the secret, this once. */
export const createdWebhookTokenSchema = z.object({
  token: webhookTokenViewSchema,
  /** `/webhooks/wellcloud?token=<secret>`: the callback URL's path for the tenant console. */
  path: z.string().check(z.startsWith(`${WEBHOOK_PATH}?token=`)),
})
export type CreatedWebhookToken = z.output<typeof createdWebhookTokenSchema>
