import * as z from 'zod/mini'

/** How the floor draws its agents: full tiles, small tiles (name, state, timer), or one row each. */
export const DENSITIES = ['tiles', 'compact', 'table'] as const
export type Density = (typeof DENSITIES)[number]
export const DEFAULT_DENSITY: Density = 'tiles'

/** What the table groups its rows by. */
export const TABLE_GROUPS = ['none', 'dept', 'skill'] as const
export type TableGroup = (typeof TABLE_GROUPS)[number]

/**
 * A user's own settings of the console, kept by the relay so they follow the user to any
 * screen. Unknown keys are refused, so the stored object stays small.
 */
export const preferencesSchema = z.strictObject({
  density: z.optional(z.enum(DENSITIES)),
  tableGroup: z.optional(z.enum(TABLE_GROUPS)),
})
export type Preferences = z.output<typeof preferencesSchema>

/** Largest stored preferences, bytes of JSON: a few short fields. */
export const PREFERENCES_MAX_BYTES = 1024
