import type { TFunction } from 'i18next'
import * as z from 'zod/mini'
import { upstreamMessagesSchema } from '@/shared/upstream-messages'
import { isApiError } from '@/lib/api-client'
import { upstreamText } from '@/lib/api-error-message'
import type { Language } from '@/lib/i18n'

/** A refused outbound request, as the page tells it. */
export interface Refusal {
  text: string
  /** The relay needs the user's extension: offer the profile. */
  profileLink: boolean
  /** The body field the relay named (`customerPhone`, `deviceId`…), if any. */
  field: string | null
}

const bodySchema = z.object({
  error: z.string(),
  message: z.optional(z.string()),
  messages: z.optional(upstreamMessagesSchema),
  field: z.optional(z.string()),
})

/**
 * Why the relay or the platform refused: the platform's codes worded with this page's messages
 * (`upstream.<code>`), the relay's own refusals with their meaning.
 */
export function refusalOf(error: unknown, t: TFunction<'outbound'>, language: Language): Refusal {
  const none = { profileLink: false, field: null }
  if (!isApiError(error))
    return { ...none, text: String(error instanceof Error ? error.message : error) }
  if (error.status === 0) return { ...none, text: t('refusal.network') }
  const parsed = bodySchema.safeParse(error.body)
  const body = parsed.success ? parsed.data : null
  const code = body?.error ?? error.error
  if (code === 'profile_incomplete') {
    return { text: t('refusal.profileIncomplete'), profileLink: true, field: 'deviceId' }
  }
  if (code === 'forbidden') return { ...none, text: t('refusal.forbidden') }
  if (code === 'csrf') return { ...none, text: t('refusal.csrf') }
  if (code === 'too_large') return { ...none, text: t('refusal.tooLarge') }
  if (code === 'rate_limited' || code === 'throttled')
    return { ...none, text: t('refusal.rateLimited') }
  if (body?.messages) return { ...none, text: upstreamText(body.messages, language) }
  if (code === 'invalid_request') {
    const named = error.field
    if (named) {
      return {
        text: t('refusal.invalidField', { field: named.name, message: named.message }),
        profileLink: false,
        field: named.name,
      }
    }
    return { ...none, text: t('refusal.invalid', { message: error.message }) }
  }
  return { ...none, text: t('refusal.failed', { message: error.message }) }
}
