import type { z } from 'zod'

/** One line per problem, `field: what is wrong`, for a 400 the sender can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`)
    .join('; ')
}
