import { spawnSync } from 'node:child_process'
import { expect, it } from 'vitest'

it('refuses cluster mode on the embedded simulator, before starting anything, saying what to run instead', () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: 'redis://127.0.0.1:6379',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    PORT: '0',
  }
  delete env.WELLCLOUD_BASE_URL
  delete env.SIMULATOR
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  expect(run.status).toBe(2)
  expect(run.stderr).toContain('REDIS_URL')
  expect(run.stderr).toContain('npm run cluster')
})
