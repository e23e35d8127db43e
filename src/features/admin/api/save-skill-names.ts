import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type SkillNames, skillNamesSchema } from '@/shared/skill-names'
import { SKILL_NAMES_QUERY_KEY } from '@/hooks/use-skill-names'
import { apiRequest } from '@/lib/api-client'
import { SKILL_GROUPS_QUERY_KEY } from './get-skill-groups'

/** Replaces the tenant's skill-group names (an id left out loses its name). */
export function saveSkillNames(names: SkillNames): Promise<{ names: SkillNames }> {
  return apiRequest('/api/skill-names', {
    method: 'PUT',
    body: { names },
    schema: skillNamesSchema,
  })
}

export function useSaveSkillNames() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveSkillNames,
    onSuccess: (answer) => {
      // The floor, filters and figures of this screen show the new names at once.
      queryClient.setQueryData(SKILL_NAMES_QUERY_KEY, answer)
      return queryClient.invalidateQueries({ queryKey: SKILL_GROUPS_QUERY_KEY })
    },
  })
}
