import type { FastifyInstance } from 'fastify'
import { orgInScope } from '@/shared/auth'
import type { Department, SkillGroup } from '@/shared/directory'
import { principalOf } from '../auth/auth.hooks'
import { type DirectorySource, departmentsOf, skillGroupsOf } from './directory'

/**
 * What the admin forms pick from: `GET /api/admin/departments` (the department tree the floor
 * shows, within the admin's own department) and `GET /api/admin/skill-groups` (skill groups
 * seen or named, for the names page).
 */
export function directoryRoutes(source: DirectorySource) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get(
      '/api/admin/departments',
      { config: { permission: 'manageUsers' } },
      (req): { departments: Department[] } => {
        const { namespace, orgPrefix } = principalOf(req).scope
        const all = departmentsOf(source.agents(namespace))
        return { departments: all.filter((d) => orgInScope(d.treePos, orgPrefix)) }
      },
    )

    app.get(
      '/api/admin/skill-groups',
      { config: { permission: 'configure' } },
      (req): { skills: SkillGroup[] } => {
        const { namespace } = principalOf(req).scope
        return { skills: skillGroupsOf(source.agents(namespace), source.skillNames(namespace)) }
      },
    )
  }
}
