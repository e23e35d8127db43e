import * as z from 'zod/mini'
import { ROLES } from './auth'
import { roleSchema, scopeSchema } from './people'

export const adminUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  disabled: z.boolean(),
  deviceId: z.nullable(z.string()),
  phoneNumber: z.nullable(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
})
/** A user as the admin pages show it (and the relay keeps it, but for the password hash). */
export type AdminUser = z.output<typeof adminUserSchema>

export const kioskLinkSchema = z.object({
  id: z.number(),
  name: z.string(),
  scope: scopeSchema,
  createdAt: z.number(),
  revokedAt: z.nullable(z.number()),
  lastUsedAt: z.nullable(z.number()),
})
/** A wall-screen link as the admin pages show it (its token is shown once, at creation). */
export type KioskLinkView = z.output<typeof kioskLinkSchema>

const username = z
  .string()
  .check(
    z.trim(),
    z.minLength(2, 'at least 2 characters'),
    z.maxLength(64, 'at most 64 characters'),
    z.regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only'),
  )

const orgPrefix = z.pipe(
  z.nullish(z.string().check(z.trim(), z.maxLength(200))),
  z.transform((v: string | null | undefined) => (v ? v : null)),
)

const skills = z.pipe(
  z.nullish(
    z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))).check(z.maxLength(200)),
  ),
  z.transform((v: string[] | null | undefined) => (v && v.length > 0 ? [...new Set(v)] : null)),
)

// Strict: a misnamed field (`scope: {…}` instead of `orgPrefix`) is refused by name, never
// dropped, since a dropped scope would give the new user the whole tenant.
export const createUserBodySchema = z.strictObject({
  username,
  /** Omitted: the relay makes a temporary one and answers it once. */
  password: z.optional(z.string().check(z.minLength(8, 'at least 8 characters'), z.maxLength(200))),
  role: z.enum(ROLES),
  orgPrefix,
  skills,
})
export type CreateUserBody = z.input<typeof createUserBodySchema>

export const updateUserBodySchema = z
  .strictObject({
    role: z.optional(z.enum(ROLES)),
    orgPrefix: z.optional(orgPrefix),
    skills: z.optional(skills),
    disabled: z.optional(z.boolean()),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, 'nothing to change'))
export type UpdateUserBody = z.input<typeof updateUserBodySchema>

export const resetPasswordBodySchema = z.object({
  password: z.optional(z.string().check(z.minLength(8, 'at least 8 characters'), z.maxLength(200))),
})

// Strict for the same reason as a user's: a wall screen's scope is never dropped silently.
export const createKioskBodySchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'give the screen a name'), z.maxLength(100)),
  orgPrefix,
  skills,
})
export type CreateKioskBody = z.input<typeof createKioskBodySchema>

export const createdUserSchema = z.object({
  user: adminUserSchema,
  password: z.optional(z.string()),
})
/** Answer to creating a user: the temporary password only when the relay made one. */
export type CreatedUser = z.output<typeof createdUserSchema>

export const createdKioskSchema = z.object({
  link: kioskLinkSchema,
  path: z.string().check(z.startsWith('/')),
})
/** Answer to minting a wall-screen link: the path with its token, shown this once. */
export type CreatedKiosk = z.output<typeof createdKioskSchema>

export const idParamSchema = z.object({
  id: z.pipe(z.coerce.number(), z.int().check(z.positive('expected a numeric id'))),
})
