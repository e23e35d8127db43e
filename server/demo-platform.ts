import { type StartedProgram, startProgram } from './lib/child-process'

/*
 * Demo mode: the platform simulator started beside the relay as a separate process, and the
 * settings that point a relay at it. `npm start` and `npm run cluster` both use it; the two
 * only talk over HTTP, exactly as the relay and the platform would.
 */

/** The simulator's tenant; the demo floor shows it. */
export const DEMO_NAMESPACE = 'test.cc'
// How long the simulator may take to start listening, ms.
const SIMULATOR_START_TIMEOUT_MS = 30_000

/** Starts the simulator, its output passed through; resolves once it prints SIMULATOR_READY. */
export async function startSimulator(
  webhookUrl: string,
  extraArgs: string[],
): Promise<StartedProgram> {
  return startProgram(
    'server/simulator/main.ts',
    ['--port', '0', '--namespace', DEMO_NAMESPACE, ...extraArgs],
    { SIM_WEBHOOK_URL: webhookUrl },
    'SIMULATOR_READY',
    {
      label: 'the simulator',
      timeoutMs: SIMULATOR_START_TIMEOUT_MS,
      onLine: (line, stream) =>
        stream === 'stderr'
          ? console.error(`[simulator] ${line}`)
          : console.log(`[simulator] ${line}`),
    },
  )
}

/** Sets, where not set already, what a relay needs to use the simulator at `simUrl` as its platform. */
export function pointAtSimulator(env: NodeJS.ProcessEnv, simUrl: string): void {
  env.SIMULATOR = 'on'
  env.WELLCLOUD_NAMESPACE ??= DEMO_NAMESPACE
  env.WELLCLOUD_BASE_URL = simUrl
  env.WELLCLOUD_CSTA_URL ??= simUrl
  env.WELLCLOUD_CSTA_LOGIN_URL ??= `${simUrl}/api/security/login`
  env.WELLCLOUD_APP_ID ??= 'demo-app'
  env.WELLCLOUD_APP_SECRET ??= 'demo-secret'
  env.WELLCLOUD_API_KEY ??= 'demo-key'
  env.WELLCLOUD_CSTA_USERNAME ??= 'supervisor-service'
  env.WELLCLOUD_CSTA_PASSWORD ??= 'demo-password'
  // The simulator's outbound prefix and tenant (it accepts `demo-tenant` only).
  env.WELLCLOUD_OUTBOUND_PREFIX ??= '9'
  env.WELLCLOUD_TENANT_ID ??= 'demo-tenant'
}

/**
 * The demo's simulator arguments: SIM_ARGS, after `--caller-in-event`. Seed 003's events do not
 * name the caller and a running call has no CDR yet, so without it a tile could not show whose
 * call it is (nor flag a repeat caller) until the call ended; the demo shows what a platform
 * that sends it gives.
 */
export const simulatorArgs = (env: NodeJS.ProcessEnv): string[] => [
  '--caller-in-event',
  ...(env.SIM_ARGS ?? '').split(/\s+/).filter(Boolean),
]
