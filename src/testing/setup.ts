import { configure } from '@testing-library/dom'

// Pages load on demand, and the server tests share the two cores with the component tests:
// `findBy…` waits up to this long (ms) instead of Testing Library's 1 s, which a loaded
// machine can exceed without anything being wrong.
configure({ asyncUtilTimeout: 5_000 })

// Every namespace in Chinese, as if each page had loaded its own: a component renders without
// its route. A switch to English in a test fetches them all.
await registerAllMessages()

async function registerAllMessages(): Promise<void> {
  const { i18n, NAMESPACES } = await import('@/lib/i18n')
  const { zhByNamespace } = await import('@/locales/zh/index')
  for (const [ns, messages] of Object.entries(zhByNamespace)) {
    if (!i18n.hasResourceBundle('zh', ns)) i18n.addResourceBundle('zh', ns, messages)
  }
  await i18n.loadNamespaces([...NAMESPACES])
}
