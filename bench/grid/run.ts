import fs from 'node:fs'
import type { BrowserContext } from '@playwright/test'
import { type BaselineLayout, baselinePage } from './baseline'
import { launchChromium } from '../lib/browser'
import { percentile, runProgram, sleep } from '../lib/processes'
import { BENCH_PASSWORD, BENCH_TOKEN, startBenchRelay, writeResults } from '../lib/relay'

/*
 * Grid benchmark: the built SPA in Chromium with 5,000 agents on the floor and 1,000 state
 * changes per second for 60 s, posted as webhooks by another process. Measured in the page:
 * frame times (requestAnimationFrame), long tasks (PerformanceObserver), and for every tile
 * on screen that changes, the time from the event (its stateChangeTime, stamped when the
 * webhook was sent) to the frame after the tile's new state was put in the DOM (painted).
 */
const NAMESPACE = 'bench.cc'
const AGENTS = Number(process.env.BENCH_AGENTS ?? 5000)
const RATE = Number(process.env.BENCH_RATE ?? 1000)
const SECONDS = Number(process.env.BENCH_GRID_SEC ?? 60)
const WARMUP_SEC = 5

/**
 * In-page probes, installed before the app loads. Plain JavaScript in a string: a function
 * here would be compiled with helpers that do not exist in the page.
 */
const PROBES = `
  const b = { frames: [], longTasks: [], paints: [], neverShown: 0, recording: false }
  window.__bench = b
  // Frame times from the clock when each frame's callbacks run: the rAF timestamp is the
  // frame's nominal start and can read a steady 16.7 ms even when frames come late.
  let last = performance.now()
  const loop = () => {
    const t = performance.now()
    if (b.recording) b.frames.push(t - last)
    last = t
    requestAnimationFrame(loop)
  }
  requestAnimationFrame(loop)
  new PerformanceObserver((list) => {
    if (b.recording) for (const e of list.getEntries()) b.longTasks.push(e.duration)
  }).observe({ type: 'longtask', buffered: false })
  // Each batch as it reaches the page: the time from each event to its arrival, and for the
  // agents whose tiles are on screen, to the frame that paints them.
  b.arrivals = []
  const NativeWebSocket = window.WebSocket
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args)
      this.addEventListener('message', (e) => {
        if (!b.recording || typeof e.data !== 'string' || !e.data.startsWith('42["floor:changed"')) return
        const now = performance.timeOrigin + performance.now()
        let agents
        try {
          const change = JSON.parse(e.data.slice(2))[1]
          // Agents the page already holds come as patches; a state change carries its time.
          agents = [...change.agents, ...(change.patches ?? [])].filter((a) => typeof a.stateSince === 'number')
        } catch {
          return
        }
        const shown = []
        for (const a of agents) {
          b.arrivals.push(now - a.stateSince)
          const tile = document.querySelector('[data-agent-id="' + a.id + '"]')
          if (tile) shown.push([tile, a])
        }
        if (shown.length === 0) return
        // Once the app has put the new states in the DOM (it does so while handling this
        // message), the frame after the next one has painted them.
        // A tile that never shows its new state gives no paint time: it is counted apart.
        const showsIt = ([tile, a]) => Number(tile.getAttribute('data-since')) >= a.stateSince
        let tries = 0
        const settled = () => {
          const done = shown.every(showsIt)
          if (!done && ++tries < 50) return setTimeout(settled, 0)
          const updated = shown.filter(showsIt)
          b.neverShown += shown.length - updated.length
          if (updated.length === 0) return
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const painted = performance.timeOrigin + performance.now()
              for (const [, a] of updated) b.paints.push(painted - a.stateSince)
            }),
          )
        }
        setTimeout(settled, 0)
      })
    }
  }
`

/** The relay's flush window: the batches both the app and the baseline apply. */
const BATCH_MS = 100

interface Probed {
  frames: number[]
  longTasks: number[]
  paints: number[]
  recording: boolean
}

/** Frames, long tasks and event → paint of the plain page, over the same time as the app's. */
async function measureBaseline(context: BrowserContext, layout: BaselineLayout) {
  const page = await context.newPage()
  await page.addInitScript({ content: PROBES })
  const address = 'http://baseline.invalid/'
  await page.route(address, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: baselinePage(layout) }),
  )
  await page.goto(address)
  await sleep(WARMUP_SEC * 1000)
  await page.evaluate(() => {
    ;(window as unknown as { __bench: Probed }).__bench.recording = true
  })
  await sleep(SECONDS * 1000)
  const b = await page.evaluate(() => {
    const x = (window as unknown as { __bench: Probed }).__bench
    x.recording = false
    return { frames: x.frames, longTasks: x.longTasks, paints: x.paints }
  })
  await page.close()
  const frames = [...b.frames].sort((x, y) => x - y)
  const paints = [...b.paints].sort((x, y) => x - y)
  return {
    frames: { count: frames.length, p50: percentile(frames, 50), p95: percentile(frames, 95) },
    longTasks: {
      over50ms: b.longTasks.filter((d) => d > 50).length,
      max: b.longTasks.length ? Math.max(...b.longTasks) : 0,
    },
    eventToPaint: {
      samples: paints.length,
      p50: percentile(paints, 50),
      p95: percentile(paints, 95),
    },
  }
}

const relay = await startBenchRelay({
  namespace: NAMESPACE,
  users: [
    { username: 'bench', role: 'supervisor' },
    { username: 'root', role: 'admin' },
  ],
})
const url = relay.url
const load = (rate: number, seconds: number) =>
  runProgram<{ ok: number; okPerSec: number; non2xx: number }>('bench/relay/load.ts', [
    '--url',
    url,
    '--token',
    BENCH_TOKEN,
    '--rate',
    String(rate),
    '--duration',
    String(seconds),
    '--agents',
    String(AGENTS),
    '--namespace',
    NAMESPACE,
    '--connections',
    '16',
  ])

try {
  console.error(`grid bench: ${AGENTS} agents on the floor`)
  await load(AGENTS, 3) // every agent has a state before the page opens
  const browser = await launchChromium()
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  await context.request.post(`${url}/api/auth/login`, {
    data: { username: 'bench', password: BENCH_PASSWORD },
  })
  const page = await context.newPage()
  await page.addInitScript({ content: PROBES })
  // Sorted by name, tiles keep their places, so every change on screen is a tile updating in
  // place (sorted by state, a changed agent moves and its tile is remounted elsewhere).
  await page.goto(`${url}/?sort=name`)
  await page.locator('[data-agent-id]').first().waitFor({ timeout: 60_000 })
  const tiles = await page.locator('[data-agent-id]').count()
  console.error(`grid bench: ${RATE} changes/s for ${SECONDS} s (${tiles} tiles mounted)`)
  const run = load(RATE, SECONDS + WARMUP_SEC)
  await sleep(WARMUP_SEC * 1000)
  await page.evaluate(() => {
    ;(window as unknown as { __bench: { recording: boolean } }).__bench.recording = true
  })
  const cdp = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.start')
  }
  const sent = await run
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop')
    fs.writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile))
  }
  const b = await page.evaluate(() => {
    const x = (
      window as unknown as {
        __bench: {
          frames: number[]
          longTasks: number[]
          paints: number[]
          neverShown: number
          recording: boolean
        }
      }
    ).__bench
    x.recording = false
    return {
      frames: x.frames,
      longTasks: x.longTasks,
      paints: x.paints,
      neverShown: x.neverShown,
      arrivals: (x as unknown as { arrivals: number[] }).arrivals,
    }
  })
  const shown = await page.evaluate(() => document.querySelectorAll('[data-agent-id]').length)
  // The tiles in view, and their size: the baseline draws as many, as large.
  const layout = await page.evaluate(() => {
    const inView = [...document.querySelectorAll('[data-agent-id]')]
      .map((t) => t.getBoundingClientRect())
      .filter((r) => r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth)
    const first = inView[0]
    return {
      columns: new Set(inView.map((r) => Math.round(r.left))).size,
      rows: new Set(inView.map((r) => Math.round(r.top))).size,
      tileWidth: Math.round(first?.width ?? 240),
      tileHeight: Math.round(first?.height ?? 96),
    }
  })
  await page.close()
  console.error(
    `grid bench: the plain baseline page, ${layout.columns}×${layout.rows} tiles in view, for ${SECONDS} s`,
  )
  const baseline = await measureBaseline(context, {
    agents: AGENTS,
    ratePerSec: RATE,
    batchMs: BATCH_MS,
    ...layout,
  })
  await browser.close()
  const frames = [...b.frames].sort((x, y) => x - y)
  const paints = [...b.paints].sort((x, y) => x - y)
  const results = {
    measuredAt: new Date().toISOString(),
    agents: AGENTS,
    ratePerSec: RATE,
    seconds: SECONDS,
    sent,
    tilesMounted: shown,
    frames: {
      count: frames.length,
      p50: percentile(frames, 50),
      p95: percentile(frames, 95),
      max: frames.at(-1) ?? null,
    },
    longTasks: {
      over50ms: b.longTasks.filter((d) => d > 50).length,
      max: b.longTasks.length ? Math.max(...b.longTasks) : 0,
    },
    eventToPaint: {
      samples: paints.length,
      /** Tiles on screen that never showed the state an event brought: no paint time taken. */
      neverShown: b.neverShown,
      p50: percentile(paints, 50),
      p95: percentile(paints, 95),
      max: paints.at(-1) ?? null,
    },
    eventToPage: (() => {
      const a = [...b.arrivals].sort((x, y) => x - y)
      return {
        samples: a.length,
        p50: percentile(a, 50),
        p95: percentile(a, 95),
        max: a.at(-1) ?? null,
      }
    })(),
  }
  writeResults('grid', { ...results, baseline: { layout, ...baseline } })
} finally {
  await relay.stop()
}
