import type { FastifyInstance } from 'fastify'
import {
  type AdminUser,
  type CreatedUser,
  createUserBodySchema,
  idParamSchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
} from '@/shared/admin'
import { orgInScope } from '@/shared/auth'
import { describeIssues } from '@/shared/validation'
import { principalOf } from '../auth/auth.hooks'
import type { Principal } from '../auth/auth.service'
import { hashPassword } from '../auth/passwords'
import type { SessionsRepo } from '../auth/sessions.repo'
import type { SessionOwner } from '../auth/socket-auth'
import { DuplicateUsernameError, type User, type UsersRepo } from '../auth/users.repo'
import { badRequest, conflict, notFound } from '../lib/http-error'
import { randomSecret } from '../lib/secrets'
import { parseWith } from '../lib/validate'
import { type AuditAdmin, changesOf } from '../actions/admin-audit'
import { type DirectorySource, scopeProblem } from './directory'

export interface UsersRoutesDeps {
  users: UsersRepo
  sessions: SessionsRepo
  now: () => number
  /** Called after a user's sessions were ended or their scope changed: their open sockets are checked now. */
  sessionsChanged: (owner: SessionOwner) => Promise<void>
  /** Every change is audited. */
  audit: AuditAdmin
  /** The departments and skill groups a scope is checked against. */
  directory: DirectorySource
}

const ADMIN = { permission: 'manageUsers' } as const

/** Admin API for the users of the admin's own tenant (and department subtree, if they have one). */
export function usersRoutes(deps: UsersRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/users', { config: ADMIN }, async (req) => {
      const admin = principalOf(req)
      const users = await deps.users.list(admin.scope.namespace)
      return users.filter((u) => manages(admin, u)).map(view)
    })

    app.post('/api/users', { config: ADMIN }, async (req, reply) => {
      const admin = principalOf(req)
      const b = parseWith(createUserBodySchema, req.body)
      if (
        !orgInScope(b.orgPrefix, admin.scope.orgPrefix) ||
        (admin.scope.orgPrefix !== null && b.orgPrefix === null)
      ) {
        throw badRequest(
          `orgPrefix: must lie within your own department (${admin.scope.orgPrefix})`,
        )
      }
      const problem = scopeProblem(deps.directory, admin.scope.namespace, b)
      if (problem) throw badRequest(problem)
      const password = b.password ?? temporaryPassword()
      try {
        const user = await deps.users.create(
          {
            username: b.username,
            passwordHash: await hashPassword(password),
            role: b.role,
            scope: { namespace: admin.scope.namespace, orgPrefix: b.orgPrefix, skills: b.skills },
          },
          deps.now(),
        )
        const created: CreatedUser = b.password
          ? { user: view(user) }
          : { user: view(user), password }
        await deps.audit(admin, {
          op: 'user-create',
          target: user.username,
          message: changesOf({}, { role: user.role, orgPrefix: b.orgPrefix, skills: b.skills }),
          status: 201,
        })
        return reply.code(201).send(created)
      } catch (err) {
        if (err instanceof DuplicateUsernameError)
          throw conflict(`username: ${b.username} is taken`)
        throw err
      }
    })

    app.patch('/api/users/:id', { config: ADMIN }, async (req) => {
      const admin = principalOf(req)
      const target = await findManaged(req.params, admin, deps.users)
      const b = parseWith(updateUserBodySchema, req.body)
      if (
        target.id === admin.id &&
        (b.disabled === true || (b.role !== undefined && b.role !== 'admin'))
      ) {
        throw conflict('you cannot disable or demote your own account')
      }
      if (
        b.orgPrefix !== undefined &&
        (!orgInScope(b.orgPrefix, admin.scope.orgPrefix) ||
          (admin.scope.orgPrefix !== null && b.orgPrefix === null))
      ) {
        throw badRequest(
          `orgPrefix: must lie within your own department (${admin.scope.orgPrefix})`,
        )
      }
      // Only what changes is checked: a scope kept as it was stays, seen or not.
      const problem = scopeProblem(deps.directory, admin.scope.namespace, {
        orgPrefix: b.orgPrefix !== target.scope.orgPrefix ? b.orgPrefix : undefined,
        skills: b.skills?.filter((s) => !target.scope.skills?.includes(s)),
      })
      if (problem) throw badRequest(problem)
      const updated = (await deps.users.update(target.id, b, deps.now()))!
      await deps.audit(admin, {
        op: 'user-update',
        target: target.username,
        message: changesOf(
          {
            role: target.role,
            orgPrefix: target.scope.orgPrefix,
            skills: target.scope.skills,
            disabled: target.disabled,
          },
          { role: b.role, orgPrefix: b.orgPrefix, skills: b.skills, disabled: b.disabled },
        ),
        status: 200,
      })
      // A disabled user's sessions end at their next check (any request, or their open sockets,
      // checked now), which says why; a changed role or scope applies from the next request, and
      // open screens are closed now and reconnect with it.
      await deps.sessionsChanged({ userId: target.id })
      return view(updated)
    })

    app.post('/api/users/:id/password', { config: ADMIN }, async (req, reply) => {
      const admin = principalOf(req)
      const target = await findManaged(req.params, admin, deps.users)
      const body = parseWith(resetPasswordBodySchema, req.body ?? {})
      const password = body.password ?? temporaryPassword()
      await deps.users.setPassword(target.id, await hashPassword(password), deps.now())
      await deps.sessions.deleteForUser(target.id)
      await deps.sessionsChanged({ userId: target.id })
      // Never the password itself: only who reset whose, and whether the admin chose it.
      await deps.audit(admin, {
        op: 'password-reset',
        target: target.username,
        message: body.password ? 'chosen by the admin' : 'temporary, made by the console',
        status: body.password ? 204 : 200,
      })
      return body.password ? reply.code(204).send() : { password }
    })
  }
}

function manages(admin: Principal, u: User): boolean {
  return (
    u.scope.namespace === admin.scope.namespace &&
    orgInScope(u.scope.orgPrefix, admin.scope.orgPrefix)
  )
}

/** The user named by `:id` if this admin manages them; a 404 otherwise (the same for "absent" and "not yours"). */
async function findManaged(params: unknown, admin: Principal, users: UsersRepo): Promise<User> {
  const id = idParamSchema.safeParse(params)
  if (!id.success) throw notFound(describeIssues(id.error))
  const user = await users.byId(id.data.id)
  if (!user || !manages(admin, user)) throw notFound(`no user ${id.data.id}`)
  return user
}

function view(u: User): AdminUser {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    scope: u.scope,
    disabled: u.disabled,
    deviceId: u.deviceId,
    phoneNumber: u.phoneNumber,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  }
}

function temporaryPassword(): string {
  return randomSecret(12)
}
