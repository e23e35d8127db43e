import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { test as base, type Page } from '@playwright/test'

export const E2E_TOKEN = 'e2e-webhook-token-0123456789'

export interface RunningApp {
  /** Base URL of the relay (SPA, REST, socket.io, webhooks). */
  url: string
  webhookUrl: string
  dataDir: string
  /** POSTs one event to the webhook as the platform would. */
  post(event: Record<string, unknown>): Promise<number>
}

/** Starts `server/start.ts` (relay + simulator) on a free port and waits for RELAY_READY. */
async function startApp(simArgs: string): Promise<{ app: RunningApp; child: ChildProcess }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEBHOOK_TOKEN: E2E_TOKEN,
      SIMULATOR: 'on',
      LOG_LEVEL: 'warn',
      SIM_ARGS: simArgs,
      // Specs post events for simulator agents with serials above the simulator's, meant to
      // hold the tile; the simulator's clock runs ahead at --speed 2, and past the default
      // 60 s margin its next event would win by time (a restarted serial counter's rule).
      SERIAL_RESET_SEC: '86400',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log: string[] = []
  readline.createInterface({ input: child.stderr }).on('line', (l) => log.push(l))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`app did not start:\n${log.join('\n')}`)),
      60_000,
    )
    child.once('exit', (code) => reject(new Error(`app exited (${code}):\n${log.join('\n')}`)))
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^RELAY_READY (.*)$/.exec(line)
      if (m) {
        clearTimeout(timer)
        resolve((JSON.parse(m[1]!) as { url: string }).url)
      }
    })
  })
  const webhookUrl = `${url}/webhooks/wellcloud?token=${E2E_TOKEN}`
  return {
    child,
    app: {
      url,
      webhookUrl,
      dataDir,
      async post(event) {
        const res = await fetch(webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(event),
        })
        return res.status
      },
    },
  }
}

/** Simulator flags for the e2e floor: 60 agents, a lively but readable pace, a steady load. */
export const E2E_SIM_ARGS = '--agents 60 --seed 7 --speed 2 --load flat'

export const test = base.extend<object, { app: RunningApp; simArgs: string }>({
  /** Simulator flags; a spec may `test.use({ simArgs: '--agents 500 …' })` (it gets its own worker). */
  simArgs: [E2E_SIM_ARGS, { scope: 'worker', option: true }],
  app: [
    async ({ simArgs }, use) => {
      const { app, child } = await startApp(simArgs)
      await use(app)
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      fs.rmSync(app.dataDir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ app }, use) => {
    await use(app.url)
  },
})

/**
 * Signs the page's browser context in through the API (the sign-in page has its own tests);
 * demo mode has admin/admin, lead/lead and viewer/viewer.
 */
export async function signIn(page: Page, username: 'admin' | 'lead' | 'viewer'): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { username, password: username } })
  if (res.status() !== 204)
    throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`)
}

export { expect } from '@playwright/test'
