import type { AuthConfig, Role } from '@/shared/auth'
import { ConfigError } from '../config'
import { hashPassword } from './passwords'
import type { UsersRepo } from './users.repo'

/**
 * The demo's accounts: on the simulator's tenant, password equal to the name. The lead and the
 * admin have their own extension (and number), so a call back rings their phone first.
 */
export const DEMO_ACCOUNTS: {
  username: string
  password: string
  role: Role
  deviceId?: string
  phoneNumber?: string
}[] = [
  {
    username: 'admin',
    password: 'admin',
    role: 'admin',
    deviceId: '8991@test.cc',
    phoneNumber: '8991',
  },
  {
    username: 'lead',
    password: 'lead',
    role: 'supervisor',
    deviceId: '8990@test.cc',
    phoneNumber: '8990',
  },
  { username: 'viewer', password: 'viewer', role: 'viewer' },
]

/**
 * Demo mode: makes sure the demo accounts exist (a changed password is kept).
 * Otherwise: there are no default accounts, and the relay refuses to start without an admin.
 */
export async function prepareAccounts(opts: {
  demo: boolean
  namespace: string
  users: UsersRepo
  now: number
}): Promise<AuthConfig> {
  if (opts.demo) {
    for (const a of DEMO_ACCOUNTS) {
      if (await opts.users.credentials(a.username)) continue
      const user = await opts.users.create(
        {
          username: a.username,
          passwordHash: await hashPassword(a.password),
          role: a.role,
          scope: { namespace: opts.namespace, orgPrefix: null, skills: null },
        },
        opts.now,
      )
      if (a.deviceId || a.phoneNumber) {
        const phone = { deviceId: a.deviceId ?? null, phoneNumber: a.phoneNumber ?? null }
        await opts.users.update(user.id, phone, opts.now)
      }
    }
    return {
      demo: true,
      demoAccounts: DEMO_ACCOUNTS.map(({ username, password, role }) => ({
        username,
        password,
        role,
      })),
    }
  }
  if (!(await opts.users.hasActiveAdmin())) {
    throw new ConfigError(
      'There is no admin account yet. Create the first one (it asks for the password):\n' +
        `  npm run users -- add <username> --role admin --namespace ${opts.namespace}\n` +
        'Use the same DATA_DIR (or DATABASE_URL) as the relay.',
    )
  }
  return { demo: false, demoAccounts: [] }
}
