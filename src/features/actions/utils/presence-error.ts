import type { TFunction } from 'i18next'
import type { PresenceAnswer } from '@/shared/presence'

/** Why a presence request failed, in words; null when it did not fail. */
export function presenceErrorText(t: TFunction, answer: PresenceAnswer | null): string | null {
  if (answer === null) return t('presence.errors.offline')
  if (answer.ok) return null
  return answer.error === 'invalid_request'
    ? t('presence.errors.invalid_request', { message: answer.message })
    : t(`presence.errors.${answer.error}`)
}
