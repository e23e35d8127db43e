import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { REPO_ROOT } from '../server/lib/child-process'

/** `npm run bench`: every benchmark in turn (each writes its results), then the report. */
const parts = ['relay', 'cluster', 'grid', 'player', 'page', 'storage', 'replay']
const started = Date.now()
for (const part of parts) {
  console.error(`\n== bench:${part}`)
  execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, `bench/${part}/run.ts`)],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
}
execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/report.ts')], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
})
console.error(`all benchmarks in ${Math.round((Date.now() - started) / 1000)} s`)
