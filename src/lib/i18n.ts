import i18n, { type BackendModule, type ResourceKey } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { common } from '@/locales/zh/common'
import { floor } from '@/locales/zh/floor'

export const LANGUAGES = ['zh', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * The message namespaces, one per part of the app. `common` (the shell) and `floor` (the home
 * page, and what the wall shares with it) are in the first bundle in Chinese; the others come
 * with the page that needs them (see `loadNamespaces` in the router).
 */
export const NAMESPACES = [
  'common',
  'floor',
  'wall',
  'calls',
  'admin',
  'login',
  'profile',
  'outbound',
] as const
export type Namespace = (typeof NAMESPACES)[number]

/** Namespaces every page can use without loading anything. */
const FIRST: readonly Namespace[] = ['common', 'floor']

type Loader = () => Promise<ResourceKey>

/** Each language's namespaces as their own chunks, fetched the first time they are wanted. */
const LOADERS: Record<Language, Partial<Record<Namespace, Loader>>> = {
  zh: {
    wall: async () => (await import('@/locales/zh/wall')).wall,
    calls: async () => (await import('@/locales/zh/calls')).calls,
    admin: async () => (await import('@/locales/zh/admin')).admin,
    login: async () => (await import('@/locales/zh/login')).login,
    profile: async () => (await import('@/locales/zh/profile')).profile,
    outbound: async () => (await import('@/locales/zh/outbound')).outbound,
  },
  en: {
    common: async () => (await import('@/locales/en/common')).common,
    floor: async () => (await import('@/locales/en/floor')).floor,
    wall: async () => (await import('@/locales/en/wall')).wall,
    calls: async () => (await import('@/locales/en/calls')).calls,
    admin: async () => (await import('@/locales/en/admin')).admin,
    login: async () => (await import('@/locales/en/login')).login,
    profile: async () => (await import('@/locales/en/profile')).profile,
    outbound: async () => (await import('@/locales/en/outbound')).outbound,
  },
}

/** Lets i18next fetch a namespace in a language, as it does on a switch of language. */
const chunks: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => {},
  read: (language, namespace, callback) => {
    const load = isLanguage(language) ? LOADERS[language][namespace as Namespace] : undefined
    if (!load) return callback(new Error(`No messages for ${language}/${namespace}`), false)
    load().then(
      (messages) => callback(null, messages),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    )
  },
}

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
 * Makes a language's messages available for every namespace loaded so far. Chinese, the
 * default, has the shell and the floor in the first bundle; English is fetched the first time
 * it is wanted.
 */
export async function loadLanguage(language: Language): Promise<void> {
  await i18n.loadLanguages(language)
}

/**
 * Makes namespaces available in the current language (and Chinese, the fallback) before a page
 * that needs them renders; a later switch of language fetches them in the new one too.
 */
export async function loadNamespaces(namespaces: readonly Namespace[]): Promise<void> {
  await i18n.loadNamespaces([...namespaces])
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

void i18n
  .use(chunks)
  .use(initReactI18next)
  .init({
    resources: { zh: { common, floor } },
    ns: [...FIRST],
    defaultNS: 'common',
    // A page's namespace first, then the shell's and the floor's, which every page may use.
    fallbackNS: [...FIRST],
    // The stored choice, once its messages are here (`i18nReady`); Chinese until then.
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    partialBundledLanguages: true, // the rest is fetched when wanted
    initAsync: false, // the shell and the floor in Chinese are bundled: ready before the first render
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
