import { runUntilSignal, startRelay } from './index'
import { freePort, type StartedProgram, startProgram } from './lib/child-process'
import { randomSecret } from './lib/secrets'

/*
 * `npm start`: the relay, and, unless a platform is configured (`WELLCLOUD_BASE_URL`) or
 * `SIMULATOR=off`, the platform simulator beside it as a separate process. The two only talk
 * over HTTP: the simulator posts webhooks to the relay, the relay calls the simulator's API
 * exactly as it would call the platform.
 */

// The simulator's tenant; the demo floor shows it.
const DEMO_NAMESPACE = 'test.cc'
// How long the simulator may take to start listening, ms.
const SIMULATOR_START_TIMEOUT_MS = 30_000

/** Starts the simulator, its output passed through; resolves once it prints SIMULATOR_READY. */
async function startSimulator(webhookUrl: string, extraArgs: string[]): Promise<StartedProgram> {
  return startProgram(
    'server/simulator/main.ts',
    ['--port', '0', ...extraArgs],
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

async function start(): Promise<() => Promise<void>> {
  const env = { ...process.env }
  const demo = env.SIMULATOR === 'on' || (env.SIMULATOR !== 'off' && !env.WELLCLOUD_BASE_URL)
  if (!demo) return startRelay(env)

  env.SIMULATOR = 'on'
  env.WEBHOOK_TOKEN ??= randomSecret()
  env.HOST ??= '0.0.0.0'
  // The simulator needs the relay's port before the relay starts, so pick it now.
  if (env.PORT === undefined || env.PORT === '' || env.PORT === '0') {
    env.PORT = env.PORT === undefined || env.PORT === '' ? '8080' : String(await freePort())
  }
  const webhookUrl = `http://127.0.0.1:${env.PORT}/webhooks/wellcloud?token=${encodeURIComponent(env.WEBHOOK_TOKEN)}`
  const simArgs = (env.SIM_ARGS ?? '').split(/\s+/).filter(Boolean)
  const sim = await startSimulator(webhookUrl, ['--namespace', DEMO_NAMESPACE, ...simArgs])
  sim.child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') console.error(`[simulator] stopped (code ${code}, signal ${signal})`)
  })

  env.WELLCLOUD_NAMESPACE ??= DEMO_NAMESPACE
  const simUrl = sim.ready.url as string
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

  let stopRelay: () => Promise<void>
  try {
    stopRelay = await startRelay(env)
  } catch (err) {
    sim.child.kill('SIGTERM')
    throw err
  }
  return async () => {
    sim.child.kill('SIGTERM')
    await stopRelay()
  }
}

await runUntilSignal(start)
