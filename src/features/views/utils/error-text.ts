import type { TFunction } from 'i18next'
import { isApiError } from '@/lib/api-client'

/** One plain sentence for a failed request about views. */
export function errorText(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.generic', { message: String(error) })
  switch (error.error) {
    case 'network':
      return t('errors.network')
    case 'forbidden':
      return t('errors.forbidden')
    case 'csrf':
      return t('errors.csrf')
    case 'not_found':
      return t('views.notFound')
    case 'invalid_request':
    case 'unauthenticated':
    case 'conflict':
    case 'throttled':
    case 'bad_response':
    case 'server':
      return t('errors.generic', { message: error.message })
  }
}
