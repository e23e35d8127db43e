import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { runUntilSignal, startRelay } from './index'
import { randomSecret } from './lib/secrets'

/*
 * `npm start`: the relay, and, unless a platform is configured (`WELLCLOUD_BASE_URL`) or
 * `SIMULATOR=off`, the platform simulator beside it as a separate process. The two only talk
 * over HTTP: the simulator posts webhooks to the relay, the relay calls the simulator's API
 * exactly as it would call the platform.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// The simulator's tenant; the demo floor shows it.
const DEMO_NAMESPACE = 'test.cc'
// How long the simulator may take to start listening, ms.
const SIMULATOR_START_TIMEOUT_MS = 30_000

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Starts the simulator and resolves to its base URL once it prints SIMULATOR_READY. */
function startSimulator(
  webhookUrl: string,
  extraArgs: string[],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'server/simulator/main.ts'), '--port', '0', ...extraArgs],
    {
      cwd: ROOT,
      env: { ...process.env, SIM_WEBHOOK_URL: webhookUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the simulator did not start within 30 s')),
      SIMULATOR_START_TIMEOUT_MS,
    )
    child.once('exit', (code) => reject(new Error(`the simulator exited with code ${code}`)))
    readline
      .createInterface({ input: child.stderr })
      .on('line', (line) => console.error(`[simulator] ${line}`))
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const ready = /^SIMULATOR_READY (.*)$/.exec(line)
      if (!ready) {
        console.log(`[simulator] ${line}`)
        return
      }
      clearTimeout(timer)
      resolve({ url: (JSON.parse(ready[1]!) as { url: string }).url, child })
    })
  })
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
  env.WELLCLOUD_BASE_URL = sim.url
  env.WELLCLOUD_CSTA_URL ??= sim.url
  env.WELLCLOUD_CSTA_LOGIN_URL ??= `${sim.url}/api/security/login`
  env.WELLCLOUD_APP_ID ??= 'demo-app'
  env.WELLCLOUD_APP_SECRET ??= 'demo-secret'
  env.WELLCLOUD_API_KEY ??= 'demo-key'
  env.WELLCLOUD_CSTA_USERNAME ??= 'supervisor-service'
  env.WELLCLOUD_CSTA_PASSWORD ??= 'demo-password'

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
