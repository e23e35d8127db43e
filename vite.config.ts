/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { type Plugin, defineConfig } from 'vite'

// The relay serves the built SPA itself; in `npm run dev` Vite proxies the relay's routes.
const RELAY = process.env.RELAY_URL ?? 'http://127.0.0.1:8080'

/**
 * Every module the first page needs, found from the entry through static imports once the
 * module graph is built. The bundler would otherwise cut it into a dozen small files wherever a
 * lazy page shares a piece of it; one file loads in one request and compresses better.
 */
const firstPage = new Set<string>()
/**
 * Reached from the first page through an import the bundler then drops as unused (MUI's
 * MenuItem imports the divider and the list item parts for their class names only): followed,
 * they would be put in the first file for the lazy pages that use them.
 */
const UNUSED_BY_FIRST_PAGE =
  /[\\/]@mui[\\/]material[\\/](Divider[\\/]Divider|ListItemText[\\/]ListItemText|ListItemIcon[\\/]ListItemIcon)\.m?js$/
function firstPageGraph(): Plugin {
  return {
    name: 'first-page-graph',
    apply: 'build',
    buildEnd() {
      firstPage.clear()
      const visit = (id: string) => {
        if (firstPage.has(id) || UNUSED_BY_FIRST_PAGE.test(id)) return
        firstPage.add(id)
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next)
      }
      for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) visit(id)
    },
  }
}

const onDemand = (file: string) =>
  fileURLToPath(new URL(`./src/components/ui/${file}`, import.meta.url))

/**
 * Two MUI parts import, for a popup they draw only once opened, code that the first page then
 * carries unused: Tooltip its Popper (with Popper.js), Select its Menu (with the popover, the
 * modal layer and its focus trap). The build gives them versions that fetch that code once the
 * browser is idle after the first paint and draw nothing until first opened, as the originals
 * draw nothing while closed.
 */
const POPUPS_ON_DEMAND = [
  {
    importer: /[\\/]@mui[\\/]material[\\/]Tooltip[\\/]/,
    source: /^\.\.\/Popper\/index\.m?js$/,
    to: onDemand('popper-on-demand.tsx'),
  },
  {
    importer: /[\\/]@mui[\\/]material[\\/]Select[\\/]/,
    source: /^\.\.\/Menu\/Menu\.m?js$/,
    to: onDemand('menu-on-demand.tsx'),
  },
]
function popupsOnDemand(): Plugin {
  const applied = new Set<string>()
  return {
    name: 'popups-on-demand',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      applied.clear()
    },
    resolveId(source, importer) {
      if (!importer) return null
      const popup = POPUPS_ON_DEMAND.find((p) => p.importer.test(importer) && p.source.test(source))
      if (popup) applied.add(popup.to)
      return popup?.to ?? null
    },
    buildEnd(error) {
      // These follow MUI's own file layout: if an upgrade moved the files, say so rather than
      // quietly putting the popups back in the first page.
      const missed = POPUPS_ON_DEMAND.filter((p) => !applied.has(p.to))
      if (!error && missed.length > 0)
        this.error(
          `popups-on-demand: MUI no longer imports ${missed.map((p) => p.source.source).join(', ')} where expected; update POPUPS_ON_DEMAND`,
        )
    },
  }
}

export default defineConfig({
  plugins: [react(), popupsOnDemand(), firstPageGraph()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // bench/page reads it to weigh the JavaScript the floor loads first.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The entry's own code stays in the entry chunk; the rest of what it needs, in one.
          groups: [{ name: 'first-page', test: (id: string) => firstPage.has(id) }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': RELAY,
      '/webhooks': RELAY,
      '/socket.io': { target: RELAY, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testing/setup.ts'],
    // Finds the PostgreSQL and Redis the store and cluster tests need, once per run.
    globalSetup: ['server/testing/services.global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Server tests start real servers and child processes; two cores, so keep it modest.
    maxWorkers: 2,
  },
})
