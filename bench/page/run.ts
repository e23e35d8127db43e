import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchChromium } from '../lib/browser'
import { REPO_ROOT } from '../../server/lib/child-process'
import { percentile, runProgram } from '../lib/processes'
import { BENCH_PASSWORD, BENCH_TOKEN, startBenchRelay, writeResults } from '../lib/relay'

/*
 * Page benchmark: how much JavaScript the floor page loads before anything else (gzipped,
 * from the build's manifest: the entry and everything it imports statically), and how soon
 * the floor is usable after navigation on localhost: its tiles drawn and a click on one
 * answered.
 */
const RUNS = 5

interface ManifestChunk {
  file: string
  imports?: string[]
  dynamicImports?: string[]
  isEntry?: boolean
}

function initialJs(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'dist/.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const i of manifest[key]?.imports ?? []) visit(i)
  }
  visit('index.html')
  const files = [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'))
  let gzipBytes = 0
  let rawBytes = 0
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(REPO_ROOT, 'dist', f))
    rawBytes += bytes.length
    gzipBytes += gzipSync(bytes, { level: 9 }).length
  }
  return { files, gzipBytes, rawBytes }
}

const js = initialJs()
const relay = await startBenchRelay({
  namespace: 'bench.cc',
  users: [{ username: 'lead', role: 'admin' }],
})
const url = relay.url
try {
  // A floor of 60 agents, as the demo has.
  await runProgram('bench/relay/load.ts', [
    '--url',
    url,
    '--token',
    BENCH_TOKEN,
    '--rate',
    '120',
    '--duration',
    '1',
    '--agents',
    '60',
    '--namespace',
    'bench.cc',
  ])
  const browser = await launchChromium()
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  await context.request.post(`${url}/api/auth/login`, {
    data: { username: 'lead', password: BENCH_PASSWORD },
  })
  const times: { tilesMs: number; interactiveMs: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage()
    const t0 = Date.now()
    await page.goto(`${url}/`)
    const tile = page.locator('[data-agent-id]').first()
    await tile.waitFor()
    const tilesMs = Date.now() - t0
    await tile.click()
    await page.locator('[role="menu"], [role="dialog"]').first().waitFor()
    times.push({ tilesMs, interactiveMs: Date.now() - t0 })
    await page.close()
  }
  await browser.close()
  const interactive = times.map((t) => t.interactiveMs).sort((a, b) => a - b)
  const tiles = times.map((t) => t.tilesMs).sort((a, b) => a - b)
  const results = {
    measuredAt: new Date().toISOString(),
    initialJs: { gzipKB: js.gzipBytes / 1024, rawKB: js.rawBytes / 1024, files: js.files },
    floor: {
      runs: RUNS,
      tilesMedianMs: percentile(tiles, 50),
      interactiveMedianMs: percentile(interactive, 50),
      interactiveMaxMs: interactive.at(-1),
    },
  }
  writeResults('page', results)
} finally {
  await relay.stop()
}
