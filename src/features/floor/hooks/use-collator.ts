import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { htmlLang, isLanguage } from '@/lib/i18n'

/** Name order for the current language (pinyin order in Chinese), numbers compared as numbers. */
export function useCollator(): Intl.Collator {
  const { i18n } = useTranslation()
  const lang = isLanguage(i18n.resolvedLanguage) ? htmlLang(i18n.resolvedLanguage) : undefined
  return useMemo(() => new Intl.Collator(lang, { numeric: true, sensitivity: 'base' }), [lang])
}
