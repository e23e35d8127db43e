import type { TFunction } from 'i18next'
import { isApiError } from './api-client'
import type { Namespace } from './i18n'

/**
 * One sentence for a failed request, for a dialog or a snackbar. `notFound` words a 404 for
 * what the caller asked about (a saved view, say); otherwise it is the generic one.
 */
export function apiErrorMessage<N extends Namespace>(
  error: unknown,
  pageT: TFunction<N>,
  options: { notFound?: string } = {},
): string {
  // Any page's `t` falls back to the shell's messages, where these are.
  const t = pageT as unknown as TFunction<'common'>
  if (!isApiError(error)) return t('errors.generic', { message: String(error) })
  switch (error.error) {
    case 'network':
      return t('errors.network')
    case 'forbidden':
      return t('errors.forbidden')
    case 'csrf':
      return t('errors.csrf')
    case 'not_found':
      return options.notFound ?? t('errors.notFound')
    case 'invalid_request':
    case 'unauthenticated':
    case 'conflict':
    case 'throttled':
    case 'bad_response':
    case 'server':
      return t('errors.generic', { message: error.message })
  }
}
