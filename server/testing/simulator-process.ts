import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface SimulatorProcess {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** A free TCP port on 127.0.0.1 (for a relay the simulator must know before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Starts the real simulator program (a separate process, as in production the platform is)
 * posting to `webhookUrl`, and resolves once it prints SIMULATOR_READY.
 */
export function startSimulatorProcess(
  webhookUrl: string,
  args: string[] = [],
): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    // Tests count on the base rate: a flat load unless they ask for another.
    ['--import', 'tsx', 'server/simulator/main.ts', '--port', '0', '--load', 'flat', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, SIM_WEBHOOK_URL: webhookUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const log: string[] = []
  readline.createInterface({ input: child.stderr }).on('line', (l) => log.push(l))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`simulator did not start:\n${log.join('\n')}`)),
      30_000,
    )
    child.once('exit', (code) =>
      reject(new Error(`simulator exited (${code}):\n${log.join('\n')}`)),
    )
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^SIMULATOR_READY (.*)$/.exec(line)
      if (!m) return
      clearTimeout(timer)
      resolve({
        url: (JSON.parse(m[1]!) as { url: string }).url,
        child,
        async stop() {
          if (child.exitCode !== null) return
          child.kill('SIGTERM')
          await new Promise((r) => child.once('exit', r))
        },
      })
    })
  })
}
