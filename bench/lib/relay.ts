import fs from 'node:fs'
import path from 'node:path'
import { hashPassword } from '../../server/auth/passwords'
import { UsersRepo } from '../../server/auth/users.repo'
import { openStore } from '../../server/db/store'
import type { Role } from '@/shared/auth'
import { REPO_ROOT, type StartedProgram, startProgram } from '../../server/lib/child-process'
import { tempDir, verboseOutput } from './processes'

/** The webhook token and the password of every account the benchmarks create. */
export const BENCH_TOKEN = 'bench-webhook-token-0123456789'
export const BENCH_PASSWORD = 'bench-password'

export interface BenchRelay extends StartedProgram {
  url: string
  dataDir: string
}

/**
 * The real relay as its own process, simulator off, on a fresh data directory holding the
 * given accounts (password `BENCH_PASSWORD`); `stop` also removes the directory.
 */
export async function startBenchRelay(options: {
  namespace: string
  users: { username: string; role: Role }[]
  /** Further settings (the platform's URL, a flush window, a fixed port). */
  env?: Record<string, string>
  /** Flags for node (e.g. `INSPECT_ARGS`). */
  nodeArgs?: string[]
  /** Also given every line the relay prints. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void
}): Promise<BenchRelay> {
  const dataDir = tempDir('bench-relay-')
  const store = await openStore({ dataDir })
  const repo = new UsersRepo(store.db)
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  const scope = { namespace: options.namespace, orgPrefix: null, skills: null }
  for (const { username, role } of options.users)
    await repo.create({ username, passwordHash, role, scope }, Date.now())
  await store.close()
  const started = await startProgram(
    'server/index.ts',
    [],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      WEBHOOK_TOKEN: BENCH_TOKEN,
      SIMULATOR: 'off',
      DATA_DIR: dataDir,
      WELLCLOUD_NAMESPACE: options.namespace,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    'RELAY_READY',
    {
      label: 'relay',
      nodeArgs: options.nodeArgs,
      onLine: (line, stream) => {
        verboseOutput('relay')(line, stream)
        options.onLine?.(line, stream)
      },
    },
  )
  return {
    ...started,
    url: started.ready.url as string,
    dataDir,
    async stop() {
      await started.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Writes a benchmark's results where `bench/report.ts` reads them, and prints them. */
export function writeResults(name: string, results: unknown): void {
  fs.mkdirSync(path.join(REPO_ROOT, 'bench/results'), { recursive: true })
  fs.writeFileSync(
    path.join(REPO_ROOT, `bench/results/${name}.json`),
    JSON.stringify(results, null, 2),
  )
  console.log(JSON.stringify(results, null, 2))
}
