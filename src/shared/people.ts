import * as z from 'zod/mini'
import { ROLES } from './auth'

/*
 * Who is signed in and what they may reach, as the relay answers it (`GET /api/me`, the admin
 * pages) and the page checks it; the types (`Scope`, `Me`) are these schemas' output, named in
 * ./auth. Apart from ./auth so the page's first bundle keeps them beside the code that parses.
 */

export const roleSchema = z.enum(ROLES)

export const scopeSchema = z.object({
  /** The tenant's domain, e.g. `test.cc`. */
  namespace: z.string(),
  /** Department subtree (an `orgTreePos` prefix), or null for the whole tenant. */
  orgPrefix: z.nullable(z.string()),
  /** Skill groups, or null for all of them. */
  skills: z.nullable(z.array(z.string())),
})

export const meSchema = z.object({
  kind: z.enum(['user', 'kiosk']),
  id: z.number(),
  /** The user's login name, or the kiosk link's name. */
  username: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  /** Extension the supervisor listens on (forceListen). */
  deviceId: z.nullable(z.string()),
  /** Number calls are taken or joined to (forceTake, forceJoin). */
  phoneNumber: z.nullable(z.string()),
})
