import * as z from 'zod/mini'

/**
 * A department the relay has seen on the floor (from the platform's `orgId`, `orgName` and
 * `orgTreePos`), as `GET /api/admin/departments` answers it.
 */
export const departmentSchema = z.object({
  /** The platform's `orgId`; null for a parent department only known from its children's positions. */
  id: z.nullable(z.string()),
  /** The platform's `orgName`; null when no agent of it was seen yet. */
  name: z.nullable(z.string()),
  /** Position in the org tree (`1.2`): what a user's department scope holds. */
  treePos: z.string(),
  /** The parent department's position; null at the top of the tree. */
  parent: z.nullable(z.string()),
  /** Names from the top of the tree down to this department (unknown ones as their position). */
  path: z.array(z.string()),
  /** Agents in this department and the ones below it: what a scope on it would show. */
  agentCount: z.number(),
})
export type Department = z.output<typeof departmentSchema>

export const departmentsSchema = z.object({ departments: z.array(departmentSchema) })

/** A skill group the relay has seen on the floor or an admin named, for the names page. */
export const skillGroupSchema = z.object({
  /** Skill id, e.g. `7001@test.cc`. */
  id: z.string(),
  /** The name an admin gave it; null when it has none (the floor then shows the id). */
  name: z.nullable(z.string()),
  /** Agents on the floor now who are in this group. */
  agentCount: z.number(),
})
export type SkillGroup = z.output<typeof skillGroupSchema>

export const skillGroupsSchema = z.object({ skills: z.array(skillGroupSchema) })
