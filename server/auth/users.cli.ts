import path from 'node:path'
import { parseArgs } from 'node:util'
import { read } from 'read'
import { z } from 'zod'
import { ROLES } from '@/shared/auth'
import { describeIssues } from '@/shared/validation'
import { openStore } from '../db/store'
import { hashPassword, passwordProblem } from './passwords'
import { SessionsRepo } from './sessions.repo'
import { DuplicateUsernameError, UsersRepo } from './users.repo'

const USAGE = `Manage the console's users (in DATABASE_URL if set, else in DATA_DIR, default ./data).

  npm run users -- add <username> --role admin|supervisor|viewer --namespace <domain>
                       [--org <treePos>] [--skills a,b] [--password <p>]
  npm run users -- list
  npm run users -- passwd <username> [--password <p>]
  npm run users -- disable <username>
  npm run users -- enable <username>

Without --password the command asks for it (at least 8 characters).`

const addSchema = z.object({
  username: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only'),
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(', ')}` }),
  namespace: z
    .string({ error: '--namespace is required (the tenant domain, e.g. test.cc)' })
    .min(1),
  org: z.string().min(1).optional(),
  skills: z.string().optional(),
})

class UsageError extends Error {}

async function askPassword(): Promise<string> {
  const ask = (prompt: string) =>
    read({ prompt, silent: true, replace: '*', output: process.stderr })
  const first = await ask('Password: ')
  if (!process.stdin.isTTY) return first
  if ((await ask('Again: ')) !== first) throw new UsageError('the two passwords differ')
  return first
}

async function passwordFrom(given: string | undefined): Promise<string> {
  const password = given ?? (await askPassword())
  const problem = passwordProblem(password)
  if (problem) throw new UsageError(`password ${problem}`)
  return password
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      namespace: { type: 'string' },
      org: { type: 'string' },
      skills: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, username] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return
  }
  // Where the relay keeps its users: the same settings as the relay's.
  const store = await openStore({
    dataDir: path.resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL,
  })
  const users = new UsersRepo(store.db)
  const now = Date.now()
  try {
    switch (command) {
      case 'add': {
        const parsed = addSchema.safeParse({ ...values, username })
        if (!parsed.success) throw new UsageError(describeIssues(parsed.error))
        const a = parsed.data
        const password = await passwordFrom(values.password)
        const skills = a.skills
          ? a.skills
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : null
        const user = await users.create(
          {
            username: a.username,
            passwordHash: await hashPassword(password),
            role: a.role,
            scope: { namespace: a.namespace, orgPrefix: a.org ?? null, skills },
          },
          now,
        )
        console.log(`added ${user.username} (${user.role}) on ${user.scope.namespace}`)
        return
      }
      case 'list':
        for (const u of await users.list(null)) {
          const scope = [
            u.scope.namespace,
            u.scope.orgPrefix && `org ${u.scope.orgPrefix}`,
            u.scope.skills && `skills ${u.scope.skills.join(',')}`,
          ]
          console.log(
            `${u.username}\t${u.role}\t${scope.filter(Boolean).join(' · ')}${u.disabled ? '\tdisabled' : ''}`,
          )
        }
        return
      case 'passwd':
      case 'disable':
      case 'enable': {
        if (!username) throw new UsageError(`${command} needs a username`)
        const found = await users.credentials(username)
        if (!found) throw new UsageError(`no user ${username}`)
        if (command === 'passwd')
          await users.setPassword(
            found.user.id,
            await hashPassword(await passwordFrom(values.password)),
            now,
          )
        else await users.update(found.user.id, { disabled: command === 'disable' }, now)
        if (command !== 'enable') await new SessionsRepo(store.db).deleteForUser(found.user.id)
        console.log(`${command === 'passwd' ? 'password changed for' : `${command}d`} ${username}`)
        return
      }
      default:
        throw new UsageError(`unknown command ${command}\n\n${USAGE}`)
    }
  } finally {
    await store.close()
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof DuplicateUsernameError) {
    console.error(
      err instanceof DuplicateUsernameError ? `username ${err.message} is taken` : err.message,
    )
    process.exit(2)
  }
  console.error(err)
  process.exit(1)
})
