import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from '@/locales/en'
import { zh } from '@/locales/zh'

export const LANGUAGES = ['zh', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'wellcloud.language'
const DEFAULT_LANGUAGE: Language = 'zh' // Chinese unless the user picked English

/** BCP 47 tag for `<html lang>` and `Intl`. */
export function htmlLang(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en'
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en'
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE // storage blocked (private mode, kiosk policy)
  }
}

/** The current language, as a known one. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE
}

export function setLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  void i18n.changeLanguage(language)
}

function syncDocument(language: string): void {
  if (typeof document === 'undefined' || !isLanguage(language)) return
  document.documentElement.lang = htmlLang(language)
  document.title = i18n.t('app.fullName')
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled: ready before the first render
  returnNull: false,
})

i18n.on('languageChanged', syncDocument)
syncDocument(currentLanguage())

export { i18n }
