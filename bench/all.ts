import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { ROOT } from './lib/processes'

/** `npm run bench`: every benchmark in turn (each writes its results), then the report. */
const parts = ['relay', 'grid', 'player', 'page', 'storage']
const started = Date.now()
for (const part of parts) {
  console.error(`\n== bench:${part}`)
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, `bench/${part}/run.ts`)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/report.ts')], {
  cwd: ROOT,
  stdio: 'inherit',
})
console.error(`all benchmarks in ${Math.round((Date.now() - started) / 1000)} s`)
