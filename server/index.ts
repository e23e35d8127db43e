import { pathToFileURL } from 'node:url'
import { createApp } from './app'
import { prepareAccounts } from './auth/accounts'
import { UsersRepo } from './auth/users.repo'
import { ConfigError, loadConfig } from './config'
import { openStore } from './db/store'
import { nameDemoSkills } from './skills/demo-skill-names'
import { SkillNamesRepo } from './skills/skill-names.repo'

/**
 * Starts the relay from the environment. Prints one machine-readable line,
 * `RELAY_READY {"url":…}`, once it listens (the launcher and tests wait for it).
 */
export async function startRelay(
  env: NodeJS.ProcessEnv = process.env,
): Promise<() => Promise<void>> {
  const config = loadConfig(env)
  const store = await openStore(config)
  let authConfig
  try {
    authConfig = await prepareAccounts({
      demo: config.demo,
      namespace: config.namespace,
      users: new UsersRepo(store.db),
      now: Date.now(),
    })
    if (config.demo)
      await nameDemoSkills(new SkillNamesRepo(store.db), config.namespace, Date.now())
  } catch (err) {
    await store.close()
    throw err
  }
  const app = createApp({ config, store, authConfig })
  const url = await app.listen()
  process.stdout.write(`RELAY_READY ${JSON.stringify({ url })}\n`)
  app.fastify.log.info(
    `supervisor console on ${url} (${config.demo ? 'demo mode, simulator' : 'platform'}; data in ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`,
  )
  return async () => {
    await app.close()
    await store.close()
  }
}

/** Runs `start` and stops cleanly on SIGINT/SIGTERM; a bad setting exits 2 with its message. */
export async function runUntilSignal(start: () => Promise<() => Promise<void>>): Promise<void> {
  try {
    const stop = await start()
    let stopping = false
    const onSignal = () => {
      if (stopping) return
      stopping = true
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err)
          process.exit(1)
        },
      )
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(2)
    }
    throw err
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runUntilSignal(() => startRelay())
}
