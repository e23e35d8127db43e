import * as z from 'zod/mini'
import { DENSITIES } from './preferences'

/**
 * Query-string keys a saved floor view may hold (filters and sort, as the floor's URL has them,
 * and the density: views saved before it have none and open in the user's own density).
 */
export const VIEW_KEYS = [
  'skill',
  'dept',
  'state',
  'q',
  'sort',
  'breach',
  'figures',
  'density',
] as const

export const savedViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** The floor's query string, e.g. `skill=7001%40test.cc&sort=time`. */
  query: z.string(),
  owner: z.string(),
  createdAt: z.number(),
})
/** A named floor view saved on the server, shared by link (`/?view=<id>`). */
export type SavedView = z.output<typeof savedViewSchema>

export const saveViewBodySchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'give the view a name'),
      z.maxLength(80, 'at most 80 characters'),
    ),
  query: z.string().check(
    z.maxLength(2000, 'at most 2000 characters'),
    z.refine(
      (q) =>
        [...new URLSearchParams(q).keys()].every((k) =>
          (VIEW_KEYS as readonly string[]).includes(k),
        ),
      { message: `only ${VIEW_KEYS.join(', ')} may be saved` },
    ),
    z.refine(
      (q) =>
        new URLSearchParams(q)
          .getAll('density')
          .every((d) => (DENSITIES as readonly string[]).includes(d)),
      { message: `density must be one of ${DENSITIES.join(', ')}` },
    ),
  ),
})
export type SaveViewBody = z.input<typeof saveViewBodySchema>
