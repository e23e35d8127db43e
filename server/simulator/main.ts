import { RealClock } from './clock'
import { randomSeed } from './random'
import { USAGE, parseSimConfig } from './sim-config'
import { createSimServer } from './sim-server'
import { Simulator } from './simulator'
import { waitForReceiver } from './wait-for-receiver'

const STATUS_EVERY_MS = 30_000 // one summary line per 30 s of wall time

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString()} [sim] ${line}\n`)
}

/** The webhook URL as logged: the token is a secret. */
function redact(url: string): string {
  const u = new URL(url)
  for (const key of u.searchParams.keys()) u.searchParams.set(key, '***')
  return u.toString()
}

function summary(sim: Simulator): string {
  const s = sim.stats()
  const w = s.webhook
  const loggedIn = sim.center.agents.length - (s.agentsByState.LogOut ?? 0)
  return (
    `${s.simTime}: ${loggedIn} logged in, ${s.callsRunning} calls (${s.callsQueued} queued), ` +
    `${s.callsEnded} ended; sent ${w.sent.agentStateEvent}+${w.sent.callEnd}, ` +
    `failed ${w.failed.agentStateEvent}+${w.failed.callEnd}, retries pending ${w.retryPending}`
  )
}

async function main(): Promise<void> {
  const parsed = parseSimConfig(process.argv.slice(2), process.env)
  if (!parsed.ok) {
    if (parsed.help) {
      process.stdout.write(`${USAGE}\n`)
      process.exit(0)
    }
    process.stderr.write(`simulator: ${parsed.error}\n${USAGE}\n`)
    process.exit(2)
  }
  const config = parsed.config
  const seed = config.seed ?? randomSeed()
  const clock = new RealClock(config.speed, Date.now(), (error) =>
    log(
      `error in a simulation step: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    ),
  )
  const sim = new Simulator(config, { clock, seed, log })
  const server = createSimServer(sim, config)
  const aborted = new AbortController()
  let started = false
  const status = setInterval(() => {
    if (started) log(summary(sim))
  }, STATUS_EVERY_MS)
  status.unref()

  let stopping = false
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping`)
    aborted.abort()
    clearInterval(status)
    clock.stop()
    sim.stop()
    await server.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await server.listen({ port: config.port, host: config.host })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  // The one machine-readable line: launchers and tests wait for it.
  process.stdout.write(`SIMULATOR_READY ${JSON.stringify({ url: `http://${host}:${port}` })}\n`)
  log(
    `${config.agents} agents, ${config.skills} skill groups, ${config.inboundPerMin.toFixed(1)} inbound ` +
      `and ${config.outboundPerMin.toFixed(1)} outbound calls/min, load ${config.load.name}, ` +
      `speed ×${config.speed}, seed ${seed}`,
  )

  log(`waiting for the webhook receiver at ${redact(config.webhookUrl)}`)
  const up = await waitForReceiver(config.webhookUrl, aborted.signal)
  if (aborted.signal.aborted) return
  log(
    up
      ? 'webhook receiver answers: starting the call center'
      : 'webhook receiver silent for 60 s: starting anyway',
  )
  sim.start()
  started = true
}

main().catch((error: unknown) => {
  process.stderr.write(
    `simulator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
