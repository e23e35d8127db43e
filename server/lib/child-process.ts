import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

/*
 * Starting one of this repository's programs (the relay, the simulator, a benchmark's helper)
 * as its own process and waiting until it says it is ready: `npm start`, the tests, the
 * end-to-end fixtures and the benchmarks all do it, one way.
 */

/** The repository's root: scripts are named relative to it, and the programs run in it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

// How long a program may take to print its ready line by default, ms.
const DEFAULT_START_TIMEOUT_MS = 60_000
// Lines of a program's stderr quoted when it fails to start.
const QUOTED_ERROR_LINES = 20

export interface StartedProgram {
  child: ChildProcess
  /** The JSON the program printed after its ready word. */
  ready: Record<string, unknown>
  /** Sends SIGTERM (unless the program already ended) and resolves once it has exited. */
  stop(): Promise<void>
}

export interface StartProgramOptions {
  /** Names the program in errors; default: the script's file name. */
  label?: string
  /** Flags for node before the script (e.g. `--expose-gc`). */
  nodeArgs?: string[]
  /** Default 60 s. */
  timeoutMs?: number
  /** True: the program's stdin is a pipe the caller writes to (default: ignored). */
  stdin?: boolean
  /** Every other line the program prints, before and after its ready line (default: dropped). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void
}

/** A free TCP port on 127.0.0.1 (for a relay another program must know before it starts). */
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
 * Starts a TypeScript program of this repository (`script`, relative to its root) as its own
 * process with `env` added to this one's, and resolves once it prints `<readyWord> {json}` on
 * stdout. Rejects, quoting the end of its stderr, if it exits or stays silent first.
 */
export function startProgram(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyWord: string,
  opts: StartProgramOptions = {},
): Promise<StartedProgram> {
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), '--import', 'tsx', path.join(REPO_ROOT, script), ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    },
  )
  const label = opts.label ?? path.basename(script, '.ts')
  const errors: string[] = []
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    errors.push(line)
    if (errors.length > QUOTED_ERROR_LINES) errors.shift()
    opts.onLine?.(line, 'stderr')
  })
  const readyLine = new RegExp(`^${readyWord} (.*)$`)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} did not start:\n${errors.join('\n')}`)),
      opts.timeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    )
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${label} exited (${code}):\n${errors.join('\n')}`))
    })
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = readyLine.exec(line)
      if (!m) {
        opts.onLine?.(line, 'stdout')
        return
      }
      clearTimeout(timer)
      resolve({
        child,
        ready: JSON.parse(m[1]!) as Record<string, unknown>,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return
          child.kill('SIGTERM')
          await new Promise((r) => child.once('exit', r))
        },
      })
    })
  })
}
