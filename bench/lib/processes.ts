import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface Started {
  child: ChildProcess
  /** The JSON of the ready line the program printed. */
  ready: Record<string, unknown>
  stop(): Promise<void>
}

/**
 * Starts a TypeScript program of this repository as its own process and waits for the line
 * `<READY_WORD> {json}` on its stdout. Other output is passed through, prefixed.
 */
export function startProgram(
  script: string,
  args: string[],
  env: Record<string, string>,
  readyWord: string,
  opts: { label?: string; nodeArgs?: string[]; timeoutMs?: number; stdin?: boolean } = {},
): Promise<Started> {
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), '--import', 'tsx', path.join(ROOT, script), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    },
  )
  const label = opts.label ?? path.basename(script, '.ts')
  const errors: string[] = []
  readline.createInterface({ input: child.stderr! }).on('line', (l) => {
    errors.push(l)
    if (process.env.BENCH_VERBOSE) console.error(`[${label}] ${l}`)
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} did not start:\n${errors.slice(-20).join('\n')}`)),
      opts.timeoutMs ?? 60_000,
    )
    child.once('exit', (code) =>
      reject(new Error(`${label} exited (${code}):\n${errors.slice(-20).join('\n')}`)),
    )
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = new RegExp(`^${readyWord} (.*)$`).exec(line)
      if (!m) {
        if (process.env.BENCH_VERBOSE) console.log(`[${label}] ${line}`)
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

/** Runs a program to its end and parses the last line of its stdout as JSON. */
export function runProgram<T>(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let last = ''
  readline.createInterface({ input: child.stdout }).on('line', (l) => {
    if (l.trim()) last = l
  })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${script} exited with ${code}`))
      else resolve(JSON.parse(last) as T)
    })
  })
}

/** Resident memory of a process, bytes (Linux). */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1]
  return Number(kb ?? 0) * 1024
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
