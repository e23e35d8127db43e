import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { type StartedProgram, startProgram } from '../server/lib/child-process'
import { agentEventBuilder } from '../server/testing/agent-event'

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
async function startApp(simArgs: string): Promise<{ app: RunningApp; started: StartedProgram }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'))
  const started = await startProgram(
    'server/start.ts',
    [],
    {
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
    'RELAY_READY',
    { label: 'app' },
  )
  const url = started.ready.url as string
  const webhookUrl = `${url}/webhooks/wellcloud?token=${E2E_TOKEN}`
  return {
    started,
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
      const { app, started } = await startApp(simArgs)
      await use(app)
      await started.stop()
      fs.rmSync(app.dataDir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ app }, use) => {
    await use(app.url)
  },
})

/**
 * Whether a message the page sends on a websocket means that websocket carries its link to the
 * relay: socket.io's connect packet (`40`, the link started on the websocket, as the console
 * asks) or Engine.IO's upgrade (`5`, it moved there from long polling).
 */
export function carriesLink(message: string | Buffer): boolean {
  return typeof message === 'string' && (message === '5' || message.startsWith('40'))
}

/**
 * Signs the page's browser context in through the API (the sign-in page has its own tests);
 * demo mode has admin/admin, lead/lead and viewer/viewer.
 */
export async function signIn(page: Page, username: 'admin' | 'lead' | 'viewer'): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { username, password: username } })
  if (res.status() !== 204)
    throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`)
}

/**
 * A builder of agentStateEvents as the platform would post them now, for an agent of 客服二部
 * (override any field). `firstSerial`: above anything the simulator reaches (it counts up from
 * the epoch ms of its start), so an event a spec posts is the newest the relay has seen for
 * that agent; one range per spec.
 */
export function platformAgentEvents(
  firstSerial: number,
): (overrides?: Record<string, unknown>) => Record<string, unknown> {
  return agentEventBuilder({
    firstSerial,
    now: Date.now,
    defaults: {
      name: null,
      lastACState: 'Available',
      orgId: 'org-2',
      orgName: '客服二部',
      orgTreePos: '1.2',
      channelAddr: null,
    },
  })
}

export { expect } from '@playwright/test'
