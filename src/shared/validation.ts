import * as z from 'zod/mini'

// The shared schemas use zod's mini build, which words its checks only with a locale loaded:
// the relay's 400s say in English what is wrong (the SPA words its own messages by issue code).
z.config(z.locales.en())

/** One line per problem, `field: what is wrong`, for a 400 the sender can act on. */
export function describeIssues(error: { issues: readonly z.core.$ZodIssue[] }): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`)
    .join('; ')
}
