import * as z from 'zod/mini'
import { describeIssues } from '@/shared/validation'
import { badRequest, type ErrorExtras } from './http-error'

/**
 * The request's body, query or params read with `schema`, or a 400 `invalid_request` thrown
 * whose message names each wrong field (`"username: at least 2 characters"`). `extras` are
 * added to that answer's body.
 */
export function parseWith<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  extras?: ErrorExtras,
): z.output<S> {
  const parsed = z.safeParse(schema, value)
  if (!parsed.success) throw badRequest(describeIssues(parsed.error), extras)
  return parsed.data
}
