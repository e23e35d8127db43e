import type { TFunction } from 'i18next'
import { apiErrorMessage } from '@/lib/api-error-message'

/** One plain sentence for a failed request about views (a 404 means the view is gone). */
export function errorText(error: unknown, t: TFunction): string {
  return apiErrorMessage(error, t, { notFound: t('views.notFound') })
}
