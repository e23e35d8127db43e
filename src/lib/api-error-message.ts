import type { TFunction } from 'i18next'
import { isApiError } from './api-client'
import type { Bilingual } from '@/shared/actions'
import { upstreamCode } from '@/shared/upstream-messages'
import { type Language, type Namespace, i18n } from './i18n'

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

/**
 * The relay's words for a platform failure in `language`: its code worded with this page's
 * messages (`upstream.<code>`), or, for a code this page does not know, the relay's own words.
 */
export function upstreamText(messages: Bilingual, language: Language): string {
  const sent = upstreamCode(messages)
  const key = sent ? `upstream.${sent.code}` : null
  const ns: Namespace[] = ['floor', 'calls', 'outbound']
  if (!sent || !key || !i18n.exists(key, { lng: language, ns })) return messages[language]
  // A key from the relay: checked at run time, above, not by the compiler.
  const t = i18n.getFixedT(language, ns) as unknown as (k: string, o: object) => string
  return t(key, sent.params)
}
