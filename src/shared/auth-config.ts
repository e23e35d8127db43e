import * as z from 'zod/mini'
import { roleSchema } from './people'

/** `GET /api/auth/config`, as the sign-in page reads it; the type is `AuthConfig` in ./auth. */
export const authConfigSchema = z.object({
  /** Demo mode: the simulator plays the platform and the demo accounts exist. */
  demo: z.boolean(),
  demoAccounts: z.array(z.object({ username: z.string(), password: z.string(), role: roleSchema })),
})
