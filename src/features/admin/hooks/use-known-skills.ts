import { useMemo } from 'react'
import { useSkillGroups } from '../api/get-skill-groups'

/**
 * Skill groups a scope form offers: the ones agents are in or an admin named, and the ones
 * other scopes already hold (`inUse`), sorted by id.
 */
export function useKnownSkills(inUse: readonly string[]): string[] {
  const groups = useSkillGroups()
  return useMemo(
    () =>
      [...new Set([...(groups.data ?? []).map((g) => g.id), ...inUse])].sort((a, b) =>
        a.localeCompare(b, 'en', { numeric: true }),
      ),
    [groups.data, inUse],
  )
}
