import { z } from 'zod'
import { ROLES, type Scope } from '@/shared/auth'

/*
 * Shapes the relay answers about people and their reach, checked where they enter the page.
 * Each `satisfies` the shared type, so the compiler sees drift from `src/shared/`.
 */

export const roleSchema = z.enum(ROLES)

export const scopeSchema = z.object({
  namespace: z.string(),
  orgPrefix: z.string().nullable(),
  skills: z.array(z.string()).nullable(),
}) satisfies z.ZodType<Scope>
