import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { REPO_ROOT } from '../../server/lib/child-process'

/** Runs a program to its end and parses the last line of its stdout as JSON. */
export function runProgram<T>(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<T> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, script), ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
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

/** Passes a started program's output through, prefixed, when BENCH_VERBOSE is set. */
export function verboseOutput(label: string): (line: string, stream: 'stdout' | 'stderr') => void {
  return (line, stream) => {
    if (!process.env.BENCH_VERBOSE) return
    if (stream === 'stderr') console.error(`[${label}] ${line}`)
    else console.log(`[${label}] ${line}`)
  }
}
