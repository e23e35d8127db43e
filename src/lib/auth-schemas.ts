import * as z from 'zod/mini'
import { ROLES, type Scope } from '@/shared/auth'

/*
 * Shapes the relay answers about people and their reach, checked where they enter the page.
 * Each `satisfies` the shared type, so the compiler sees drift from `src/shared/`.
 */

export const roleSchema = z.enum(ROLES)

export const scopeSchema = z.object({
  namespace: z.string(),
  orgPrefix: z.nullable(z.string()),
  skills: z.nullable(z.array(z.string())),
}) satisfies z.ZodMiniType<Scope>
