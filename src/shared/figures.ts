import { z } from 'zod'

/** At most this many skill groups or departments in one figures query. */
export const FIGURES_FILTER_MAX = 100
/** Longest skill-group id or department key accepted, characters. */
const FILTER_VALUE_MAX = 200

// `?skill=a` arrives as a string, `?skill=a&skill=b` as an array: both become an array.
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().trim().min(1).max(FILTER_VALUE_MAX)).max(FIGURES_FILTER_MAX))

/**
 * `GET /api/figures?skill=…&dept=…`: today's figures for the part of the floor the filter
 * shows, as the floor filters it (a skill group id; a department key, the platform's
 * `orgId`, else its `orgName`, taking in the departments below it). Always within the
 * user's own scope.
 */
export const figuresQuerySchema = z.object({ skill: many, dept: many })

export type FiguresQuery = z.output<typeof figuresQuerySchema>
