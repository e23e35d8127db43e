import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { launchChromium } from '../lib/browser'
import { freePort, REPO_ROOT, startProgram } from '../../server/lib/child-process'
import { sleep, verboseOutput } from '../lib/processes'
import { BENCH_PASSWORD, BENCH_TOKEN, startBenchRelay, writeResults } from '../lib/relay'

/*
 * Player benchmark: a 60-minute two-track recording (the simulator records one on request).
 * The console's player: time from opening the call to the waveform drawn (peaks from the
 * relay), and to audio playing (streamed with Range). Cold: the first time anyone opens it,
 * so the relay computes the peaks; warm: peaks already kept. Against the plain wavesurfer
 * path in the same run: `WaveSurfer.create({ url })`, which downloads and decodes the whole
 * file in the browser before it draws.
 */
const TALK_SEC = Number(process.env.BENCH_TALK_SEC ?? 3600)
const WAVESURFER = path.join(REPO_ROOT, 'node_modules/wavesurfer.js/dist/wavesurfer.esm.js')

async function start() {
  const port = await freePort()
  const sim = await startProgram(
    'server/simulator/main.ts',
    ['--port', '0', '--agents', '10', '--namespace', 'test.cc', '--seed', '9'],
    { SIM_WEBHOOK_URL: `http://127.0.0.1:${port}/webhooks/wellcloud?token=${BENCH_TOKEN}` },
    'SIMULATOR_READY',
    { label: 'simulator', onLine: verboseOutput('simulator') },
  )
  const simUrl = sim.ready.url as string
  const relay = await startBenchRelay({
    namespace: 'test.cc',
    users: [
      { username: 'admin', role: 'admin' },
      { username: 'lead', role: 'supervisor' },
    ],
    env: {
      PORT: String(port),
      WELLCLOUD_BASE_URL: simUrl,
      WELLCLOUD_APP_ID: 'demo-app',
      WELLCLOUD_APP_SECRET: 'demo-secret',
      WELLCLOUD_API_KEY: 'demo-key',
    },
  })
  return {
    simUrl,
    dataDir: relay.dataDir,
    relayUrl: relay.url,
    async stop() {
      await relay.stop()
      await sim.stop()
    },
  }
}

/**
 * Open the call, wait for the waveform, press play, wait for sound. `inApp`: the console is
 * already open (the floor) and the call is opened from within it, as a supervisor does;
 * otherwise the page is loaded from scratch. Times in ms.
 */
async function consolePlayer(page: Page, relayUrl: string, callId: string, inApp: boolean) {
  if (inApp) {
    await page.goto(`${relayUrl}/`)
    await page.locator('[data-agent-id]').first().waitFor({ timeout: 30_000 })
  }
  const t0 = Date.now()
  if (inApp) {
    await page.evaluate((p) => {
      window.history.pushState({}, '', p)
      window.dispatchEvent(new PopStateEvent('popstate'))
    }, `/calls/${callId}`)
  } else {
    await page.goto(`${relayUrl}/calls/${callId}`)
  }
  await page.locator('[data-waveform][aria-busy="false"]').waitFor({ timeout: 60_000 })
  const waveformMs = Date.now() - t0
  const lanes = Number(await page.locator('[data-lanes]').getAttribute('data-lanes'))
  const clicked = Date.now()
  await page
    .getByRole('button', { name: /播放|Play/ })
    .first()
    .click()
  await page.waitForFunction(
    () => {
      const a = document.querySelector('audio')
      return a !== null && a.currentTime > 0 && !a.paused
    },
    undefined,
    { timeout: 60_000 },
  )
  const playMs = Date.now() - clicked
  const audio = await page.evaluate(() => {
    const a = document.querySelector('audio')!
    return {
      duration: a.duration,
      buffered: a.buffered.length ? a.buffered.end(a.buffered.length - 1) : 0,
    }
  })
  await page.close()
  return {
    waveformMs,
    playMs,
    lanes,
    audioDurationSec: audio.duration,
    bufferedSec: Math.round(audio.buffered),
  }
}

/** The plain path: wavesurfer given the URL downloads and decodes the whole file before it draws. */
async function plainWavesurfer(page: Page, relayUrl: string, recordingId: string) {
  await page.route(`${relayUrl}/bench/wavesurfer.esm.js`, (r) =>
    r.fulfill({ body: fs.readFileSync(WAVESURFER), contentType: 'text/javascript' }),
  )
  await page.route(`${relayUrl}/bench/plain.html`, (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><div id="w"></div><button id="p">play</button><script type="module">
        import WaveSurfer from '/bench/wavesurfer.esm.js'
        const t0 = performance.now()
        const ws = WaveSurfer.create({ container: '#w', url: '/api/recordings/${recordingId}/audio?format=wav', splitChannels: [{}, {}] })
        ws.on('ready', () => { window.readyMs = performance.now() - t0 })
        ws.on('error', (e) => { window.failed = String(e) })
        document.getElementById('p').onclick = () => { window.clickAt = performance.now(); ws.play() }
        ws.on('audioprocess', () => { if (window.clickAt && !window.playMs) window.playMs = performance.now() - window.clickAt })
        window.ws = ws
      </script>`,
    }),
  )
  const t0 = Date.now()
  await page.goto(`${relayUrl}/bench/plain.html`)
  await page.waitForFunction(
    () =>
      (window as { readyMs?: number; failed?: string }).readyMs !== undefined ||
      (window as { failed?: string }).failed !== undefined,
    undefined,
    { timeout: 180_000 },
  )
  const failed = await page.evaluate(() => (window as { failed?: string }).failed)
  if (failed) throw new Error(`plain wavesurfer failed: ${failed}`)
  const waveform = Date.now() - t0
  await page.click('#p')
  await page.waitForFunction(
    () => (window as { playMs?: number }).playMs !== undefined,
    undefined,
    { timeout: 60_000 },
  )
  const playMs = await page.evaluate(() => (window as { playMs?: number }).playMs!)
  return { waveformMs: waveform, playMs: Math.round(playMs) }
}

const app = await start()
try {
  const fixture = async () => {
    const res = await fetch(`${app.simUrl}/sim/fixtures/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ talkSec: TALK_SEC }),
    })
    return ((await res.json()) as { callId: string }).callId
  }
  const browser = await launchChromium()
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const login = await context.request.post(`${app.relayUrl}/api/auth/login`, {
    data: { username: 'lead', password: BENCH_PASSWORD },
  })
  if (login.status() !== 204) throw new Error(`sign-in failed: ${login.status()}`)

  // A call opened the moment it ends: the relay reads the recording for its peaks on demand.
  const fresh = await fixture()
  await sleep(500) // its callEnd reaches the relay
  console.error(`player bench: ${TALK_SEC / 60}-minute call, opened as it ends`)
  const onDemand = await consolePlayer(await context.newPage(), app.relayUrl, fresh, false)

  // A call that ended a little while ago: its peaks were computed as it ended.
  const earlier = await fixture()
  const peaksDir = path.join(app.dataDir, 'peaks')
  const count = () =>
    fs.existsSync(peaksDir) ? fs.readdirSync(peaksDir).filter((f) => f.endsWith('.gz')).length : 0
  const before = count()
  for (let i = 0; i < 300 && count() === before; i++) await sleep(100)
  console.error('player bench: opened from the console, and on a fresh page load')
  const inApp = await consolePlayer(await context.newPage(), app.relayUrl, earlier, true)
  const pageLoad = await consolePlayer(await context.newPage(), app.relayUrl, earlier, false)

  console.error('player bench: plain wavesurfer (download and decode the whole file)')
  const recordings = (await (
    await context.request.get(`${app.relayUrl}/api/calls/${earlier}/recordings`)
  ).json()) as { id: string }[]
  const plain = await plainWavesurfer(await context.newPage(), app.relayUrl, recordings[0]!.id)
  await browser.close()
  const results = {
    measuredAt: new Date().toISOString(),
    talkSec: TALK_SEC,
    inApp,
    pageLoad,
    onDemand,
    plain,
  }
  writeResults('player', results)
} finally {
  await app.stop()
}
