import { z } from 'zod'
import { ROLES } from './auth'
import { roleSchema, scopeSchema } from './people'

export const adminUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  disabled: z.boolean(),
  deviceId: z.string().nullable(),
  phoneNumber: z.string().nullable(),
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
  revokedAt: z.number().nullable(),
  lastUsedAt: z.number().nullable(),
})
/** A wall-screen link as the admin pages show it (its token is shown once, at creation). */
export type KioskLinkView = z.output<typeof kioskLinkSchema>

const username = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(64, 'at most 64 characters')
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only')

const orgPrefix = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((v) => (v ? v : null))

const skills = z
  .array(z.string().trim().min(1).max(100))
  .max(200)
  .nullish()
  .transform((v) => (v && v.length > 0 ? [...new Set(v)] : null))

// Strict: a misnamed field (`scope: {…}` instead of `orgPrefix`) is refused by name, never
// dropped, since a dropped scope would give the new user the whole tenant.
export const createUserBodySchema = z.strictObject({
  username,
  /** Omitted: the relay makes a temporary one and answers it once. */
  password: z.string().min(8, 'at least 8 characters').max(200).optional(),
  role: z.enum(ROLES),
  orgPrefix,
  skills,
})
export type CreateUserBody = z.input<typeof createUserBodySchema>

export const updateUserBodySchema = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    orgPrefix: orgPrefix.optional(),
    skills: skills.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change')
export type UpdateUserBody = z.input<typeof updateUserBodySchema>

export const resetPasswordBodySchema = z.object({
  password: z.string().min(8, 'at least 8 characters').max(200).optional(),
})

// Strict for the same reason as a user's: a wall screen's scope is never dropped silently.
export const createKioskBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'give the screen a name').max(100),
  orgPrefix,
  skills,
})
export type CreateKioskBody = z.input<typeof createKioskBodySchema>

export const createdUserSchema = z.object({
  user: adminUserSchema,
  password: z.string().optional(),
})
/** Answer to creating a user: the temporary password only when the relay made one. */
export type CreatedUser = z.output<typeof createdUserSchema>

export const createdKioskSchema = z.object({
  link: kioskLinkSchema,
  path: z.string().startsWith('/'),
})
/** Answer to minting a wall-screen link: the path with its token, shown this once. */
export type CreatedKiosk = z.output<typeof createdKioskSchema>

export const idParamSchema = z.object({
  id: z.coerce.number().int().positive('expected a numeric id'),
})
