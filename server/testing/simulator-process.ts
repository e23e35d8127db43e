import type { ChildProcess } from 'node:child_process'
import { freePort, startProgram } from '../lib/child-process'
import { startTestRelay, TEST_TOKEN, type TestRelay } from './test-relay'

// How long the simulator may take to start listening, ms.
const SIMULATOR_START_TIMEOUT_MS = 30_000

export interface SimulatorProcess {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/**
 * Starts the real simulator program (a separate process, as in production the platform is)
 * posting to `webhookUrl`, and resolves once it prints SIMULATOR_READY.
 */
export async function startSimulatorProcess(
  webhookUrl: string,
  args: string[] = [],
): Promise<SimulatorProcess> {
  const started = await startProgram(
    'server/simulator/main.ts',
    // Tests count on the base rate: a flat load unless they ask for another.
    ['--port', '0', '--load', 'flat', ...args],
    { SIM_WEBHOOK_URL: webhookUrl },
    'SIMULATOR_READY',
    { label: 'simulator', timeoutMs: SIMULATOR_START_TIMEOUT_MS },
  )
  return { url: started.ready.url as string, child: started.child, stop: () => started.stop() }
}

/** Which of the platform's APIs the relay is pointed at on the simulator. */
export type SimulatedApi = 'rest' | 'csta'

export interface RelayOnSimulator {
  sim: SimulatorProcess
  relay: TestRelay
  /** Stops the relay, then the simulator. */
  stop(): Promise<void>
}

/**
 * The real relay (in this process, on a port picked first) and the real simulator posting its
 * webhooks to it (test.cc, TEST_TOKEN), the relay calling the simulator's `api` as it would
 * call the platform's: its REST API (CDRs, recordings) or its CSTA API (actions).
 */
export async function startRelayOnSimulator(
  simArgs: string[],
  opts: { api?: SimulatedApi; env?: Record<string, string> } = {},
): Promise<RelayOnSimulator> {
  const port = await freePort()
  const sim = await startSimulatorProcess(
    `http://127.0.0.1:${port}/webhooks/wellcloud?token=${TEST_TOKEN}`,
    simArgs,
  )
  const platformEnv: Record<string, string> =
    (opts.api ?? 'rest') === 'rest'
      ? {
          WELLCLOUD_BASE_URL: sim.url,
          WELLCLOUD_APP_ID: 'demo-app',
          WELLCLOUD_APP_SECRET: 'demo-secret',
          WELLCLOUD_API_KEY: 'demo-key',
        }
      : {
          WELLCLOUD_CSTA_URL: sim.url,
          WELLCLOUD_CSTA_LOGIN_URL: `${sim.url}/api/security/login`,
          WELLCLOUD_CSTA_USERNAME: 'supervisor-service',
          WELLCLOUD_CSTA_PASSWORD: 'demo-password',
        }
  let relay: TestRelay
  try {
    relay = await startTestRelay({ env: { PORT: String(port), ...platformEnv, ...opts.env } })
  } catch (err) {
    await sim.stop()
    throw err
  }
  return {
    sim,
    relay,
    async stop() {
      await relay.close()
      await sim.stop()
    },
  }
}
