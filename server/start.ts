import { ConfigError } from './config'
import { pointAtSimulator, simulatorArgs, startSimulator } from './demo-platform'
import { runUntilSignal, startRelay } from './index'
import { freePort } from './lib/child-process'
import { randomSecret } from './lib/secrets'

/*
 * `npm start`: the relay, and, unless a platform is configured (`WELLCLOUD_BASE_URL`) or
 * `SIMULATOR=off`, the platform simulator beside it as a separate process. The two only talk
 * over HTTP: the simulator posts webhooks to the relay, the relay calls the simulator's API
 * exactly as it would call the platform.
 */

async function start(): Promise<() => Promise<void>> {
  const env = { ...process.env }
  const demo = env.SIMULATOR === 'on' || (env.SIMULATOR !== 'off' && !env.WELLCLOUD_BASE_URL)
  if (!demo) return startRelay(env)
  // The simulator plays the platform, which every process of a cluster shares: one per process
  // would be as many platforms, each sending its own floor.
  if (env.REDIS_URL)
    throw new ConfigError(
      'Invalid settings:\n  REDIS_URL: cluster mode with the embedded simulator would start one ' +
        'simulated platform per process. `npm run cluster -- --nodes 2` runs one for several ' +
        'processes; for the real platform set WELLCLOUD_BASE_URL (or SIMULATOR=off).',
    )

  env.WEBHOOK_TOKEN ??= randomSecret()
  env.HOST ??= '0.0.0.0'
  // The simulator needs the relay's port before the relay starts, so pick it now.
  if (env.PORT === undefined || env.PORT === '' || env.PORT === '0') {
    env.PORT = env.PORT === undefined || env.PORT === '' ? '8080' : String(await freePort())
  }
  const webhookUrl = `http://127.0.0.1:${env.PORT}/webhooks/wellcloud?token=${encodeURIComponent(env.WEBHOOK_TOKEN)}`
  const sim = await startSimulator(webhookUrl, simulatorArgs(env))
  sim.child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') console.error(`[simulator] stopped (code ${code}, signal ${signal})`)
  })
  pointAtSimulator(env, sim.ready.url as string)

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
