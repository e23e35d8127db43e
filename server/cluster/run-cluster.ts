import { parseArgs } from 'node:util'
import pg from 'pg'
import { pointAtSimulator, simulatorArgs, startSimulator } from '../demo-platform'
import { freePort, type StartedProgram, startProgram } from '../lib/child-process'
import { randomSecret } from '../lib/secrets'
import { startBalancer } from './balancer'

/*
 * `npm run cluster -- --nodes 2`: a cluster to try on one machine. N relay processes share the
 * local PostgreSQL and Redis, a small balancer in front of them answers on one port (8080, as
 * `npm start`), and the simulator posts the platform's webhooks to the balancer, so they reach
 * either process. Kill one (its pid is printed) and watch the screens carry on.
 */

const MAX_NODES = 8
// The demo's own schema in the local PostgreSQL, and its own keys in the local Redis.
const DEMO_DATABASE = 'postgres://postgres@127.0.0.1:5432/postgres'
const DEMO_SCHEMA = 'wellcloud_cluster_demo'
const DEMO_REDIS = 'redis://127.0.0.1:6379'
const DEMO_PREFIX = 'wellcloud-cluster-demo:'

function usage(problem: string): never {
  console.error(`${problem}\nusage: npm run cluster -- [--nodes 2] [--port 8080]`)
  process.exit(2)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { nodes: { type: 'string', default: '2' }, port: { type: 'string', default: '8080' } },
  })
  const nodes = Number(values.nodes)
  const port = Number(values.port)
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_NODES)
    usage(`--nodes: expected 1 to ${MAX_NODES}, got ${values.nodes}`)
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    usage(`--port: expected a port number, got ${values.port}`)

  const env: NodeJS.ProcessEnv = { ...process.env }
  env.DATABASE_URL ??= await demoSchema()
  env.REDIS_URL ??= DEMO_REDIS
  env.REDIS_PREFIX ??= DEMO_PREFIX
  env.WEBHOOK_TOKEN ??= randomSecret()
  env.HOST = '127.0.0.1'

  const webhookUrl = `http://127.0.0.1:${port}/webhooks/wellcloud?token=${encodeURIComponent(env.WEBHOOK_TOKEN)}`
  const started: StartedProgram[] = []
  const stopAll = async () => {
    await Promise.all(started.map((p) => p.stop()))
  }
  try {
    const sim = await startSimulator(webhookUrl, simulatorArgs(env))
    started.push(sim)
    pointAtSimulator(env, sim.ready.url as string)
    const ports: number[] = []
    // One after the other: the first migrates the store and creates the demo accounts.
    for (let i = 1; i <= nodes; i++) {
      const nodePort = await freePort()
      const relay = await startProgram(
        'server/index.ts',
        [],
        { ...env, PORT: String(nodePort), RELAY_NODE_ID: `relay-${i}` },
        'RELAY_READY',
        {
          label: `relay-${i}`,
          onLine: (line, stream) =>
            (stream === 'stderr' ? console.error : console.log)(`[relay-${i}] ${line}`),
        },
      )
      relay.child.on('exit', (code, signal) =>
        console.error(`[relay-${i}] stopped (code ${code}, signal ${signal})`),
      )
      started.push(relay)
      ports.push(nodePort)
    }
    const balancer = await startBalancer({
      port,
      host: '0.0.0.0',
      backends: ports.map((p) => ({ host: '127.0.0.1', port: p })),
    })
    console.log(`\nThe console: http://localhost:${port} (through the balancer)`)
    started.slice(1).forEach((relay, i) => {
      console.log(`  relay-${i + 1}: http://127.0.0.1:${ports[i]}  pid ${relay.child.pid}`)
    })
    console.log(
      '\nTry fail-over: kill -9 one pid above; its screens reconnect to another relay.\nCtrl-C stops everything.\n',
    )
    const onSignal = () => {
      void balancer.close()
      void stopAll().then(() => process.exit(0))
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  } catch (err) {
    await stopAll()
    throw err
  }
}

/** The demo's schema in the local PostgreSQL, created when missing. */
async function demoSchema(): Promise<string> {
  const client = new pg.Client({ connectionString: DEMO_DATABASE })
  try {
    await client.connect()
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${DEMO_SCHEMA}`)
  } catch (err) {
    console.error(
      `PostgreSQL at ${DEMO_DATABASE} is unreachable (${(err as Error).message}): ` +
        'start it, or set DATABASE_URL to one that runs.',
    )
    process.exit(2)
  } finally {
    await client.end().catch(() => {})
  }
  const url = new URL(DEMO_DATABASE)
  url.searchParams.set('options', `-c search_path=${DEMO_SCHEMA}`)
  return url.toString()
}

await main()
