import { useTranslation } from 'react-i18next'
import { type Language, isLanguage } from '@/lib/i18n'

/** The current UI language; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'zh'
}
