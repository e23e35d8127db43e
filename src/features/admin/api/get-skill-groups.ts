import { queryOptions, useQuery } from '@tanstack/react-query'
import { type SkillGroup, skillGroupsSchema } from '@/shared/directory'
import { apiRequest } from '@/lib/api-client'

export async function getSkillGroups(signal?: AbortSignal): Promise<SkillGroup[]> {
  const answer = await apiRequest('/api/admin/skill-groups', { schema: skillGroupsSchema, signal })
  return answer.skills
}

export const SKILL_GROUPS_QUERY_KEY = ['admin', 'skill-groups'] as const

/** Skill groups agents are in or an admin named, with their names. */
export function useSkillGroups() {
  return useQuery(
    queryOptions({
      queryKey: SKILL_GROUPS_QUERY_KEY,
      queryFn: ({ signal }) => getSkillGroups(signal),
    }),
  )
}
