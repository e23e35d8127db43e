import * as z from 'zod/mini'
import type { authConfigSchema } from './auth-config'
import type { meSchema, scopeSchema } from './people'

/** Who may do what. Each role has every power of the roles after it. */
export const ROLES = ['admin', 'supervisor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/**
 * Powers, and the roles that hold them. The SPA shows a control only when `can` says so;
 * the relay refuses the request anyway (403) when it does not.
 */
export const PERMISSIONS = {
  /** Watch the floor and today's figures. */
  watch: ['admin', 'supervisor', 'viewer'],
  /** Browse call records. */
  browseCalls: ['admin', 'supervisor', 'viewer'],
  /** Listen, join, take, hang up, ready, not ready, log out. */
  act: ['admin', 'supervisor'],
  /** Call customers back, launch instant outbound calls, upload call lists. */
  callOut: ['admin', 'supervisor'],
  /** Play and download recordings. */
  hearRecordings: ['admin', 'supervisor'],
  /** Save named views of the floor. */
  saveViews: ['admin', 'supervisor'],
  /** Add, disable, reset and scope users; mint kiosk links. */
  manageUsers: ['admin'],
  /** Read the audit log. */
  viewAudit: ['admin'],
  /** Change thresholds and service-level targets. */
  configure: ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return (
    role !== null &&
    role !== undefined &&
    (PERMISSIONS[permission] as readonly Role[]).includes(role)
  )
}

/** The part of a tenant a user may see and act on. */
export type Scope = z.output<typeof scopeSchema>

/**
 * True when a department's tree position lies in the subtree `prefix`. Positions are paths
 * like `1.2.3`; `1.2` covers `1.2` and `1.2.3` but not `1.20`.
 */
export function orgInScope(treePos: string | null, prefix: string | null): boolean {
  if (prefix === null || prefix === '') return true
  if (treePos === null) return false
  if (!treePos.startsWith(prefix)) return false
  if (treePos.length === prefix.length) return true
  const next = treePos.charAt(prefix.length)
  // Any separator ends a segment; a prefix that already ends in one matches as is.
  return !/[0-9A-Za-z]/.test(next) || !/[0-9A-Za-z]/.test(prefix.charAt(prefix.length - 1))
}

/** True when the skill lists overlap, or the scope has no skill limit. */
export function skillsInScope(
  skills: readonly string[],
  scopeSkills: readonly string[] | null,
): boolean {
  return scopeSkills === null || skills.some((s) => scopeSkills.includes(s))
}

/** A signed-in person (or a wall screen) as `GET /api/me` and `PATCH /api/me` describe it. */
export type Me = z.output<typeof meSchema>

export const loginBodySchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'enter a user name'), z.maxLength(100)),
  password: z.string().check(z.minLength(1, 'enter a password'), z.maxLength(200)),
})
export type LoginBody = z.infer<typeof loginBodySchema>

/** What the sign-in page may know before anyone signs in. */
export type AuthConfig = z.output<typeof authConfigSchema>

/** Header and cookie names of the double-submit CSRF check. */
export const CSRF_HEADER = 'x-csrf-token'
export const CSRF_COOKIE = 'csrf'
export const SESSION_COOKIE = 'sid'
