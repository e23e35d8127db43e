import * as z from 'zod/mini'

/** Names an admin gave the tenant's skill groups: skill id (e.g. `7001@test.cc`) → name. */
export type SkillNames = Record<string, string>

/** Most skill groups a tenant may name (the floor shows at most 200 per agent). */
export const MAX_SKILL_NAMES = 500
/** Longest name, characters: it must fit on a tile beside the state. */
export const MAX_SKILL_NAME_CHARS = 40
/** Longest skill id, characters (as the webhooks take them). */
export const MAX_SKILL_ID_CHARS = 256

const skillId = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'a skill group id is empty'),
    z.maxLength(MAX_SKILL_ID_CHARS, `a skill group id is at most ${MAX_SKILL_ID_CHARS} characters`),
  )
/** One skill group's name: trimmed, 1 to 40 characters, no control characters. */
export const skillNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'give the skill group a name, or remove the line'),
  z.maxLength(MAX_SKILL_NAME_CHARS, `at most ${MAX_SKILL_NAME_CHARS} characters`),
  z.refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'no control characters'),
)

/** `PUT /api/skill-names`: the whole list, replacing the one before (an absent id loses its name). */
export const skillNamesBodySchema = z.object({
  names: z.record(skillId, skillNameSchema).check(
    z.refine(
      (r) => Object.keys(r).length <= MAX_SKILL_NAMES,
      `at most ${MAX_SKILL_NAMES} skill groups`,
    ),
    // Two groups of one name could not be told apart in the floor's filter.
    z.refine((r) => sameNamedIds(r).length === 0, 'two skill groups may not share a name'),
  ),
})
export type SkillNamesBody = z.input<typeof skillNamesBodySchema>

/** Ids whose name (ignoring case) another id also has, e.g. `['7001@test.cc', '7002@test.cc']`. */
export function sameNamedIds(names: SkillNames): string[] {
  const byName = new Map<string, string[]>()
  for (const [id, name] of Object.entries(names)) {
    const key = name.trim().toLocaleLowerCase()
    byName.set(key, [...(byName.get(key) ?? []), id])
  }
  return [...byName.values()].filter((ids) => ids.length > 1).flat()
}

/** The answer of `GET /api/skill-names`, as the browser checks it. */
export const skillNamesSchema = z.object({ names: z.record(z.string(), z.string()) })
