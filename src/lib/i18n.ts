import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
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

/**
 * Makes a language's messages available. Chinese, the default, is in the first bundle; English
 * is fetched the first time it is wanted (it is a tenth of the floor's first JavaScript).
 */
export async function loadLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return
  if (language === 'en') {
    const { en } = await import('@/locales/en')
    i18n.addResourceBundle('en', 'translation', en)
  }
}

/** Switches the page's language (fetching its messages first) and remembers the choice. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  await loadLanguage(language)
  await i18n.changeLanguage(language)
}

function syncDocument(language: string): void {
  if (typeof document === 'undefined' || !isLanguage(language)) return
  document.documentElement.lang = htmlLang(language)
  document.title = i18n.t('app.fullName')
}

const initialLanguage = storedLanguage()

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh } },
  // The stored choice, once its messages are here (`i18nReady`); Chinese until then.
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  partialBundledLanguages: true, // English is added when wanted
  initAsync: false, // Chinese is bundled: ready before the first render
  returnNull: false,
})

i18n.on('languageChanged', syncDocument)
syncDocument(currentLanguage())

/** Resolves when the user's language is ready; the page renders after it, so never flips. */
export const i18nReady: Promise<void> =
  initialLanguage === DEFAULT_LANGUAGE
    ? Promise.resolve()
    : setLanguage(initialLanguage).catch(() => {
        // English could not be fetched (relay restarting): the page starts in Chinese.
      })

export { i18n }
