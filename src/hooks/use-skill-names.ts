import { QueryClient, QueryClientContext, queryOptions, useQuery } from '@tanstack/react-query'
import { useCallback, useContext } from 'react'
import { type SkillNames, skillNamesSchema } from '@/shared/skill-names'
import { apiRequest } from '@/lib/api-client'
import { localPart } from '@/lib/format'

export function getSkillNames(signal?: AbortSignal): Promise<{ names: SkillNames }> {
  return apiRequest('/api/skill-names', { schema: skillNamesSchema, signal })
}

/** Stands in when no query client is provided; never asked to fetch. */
const IDLE_CLIENT = new QueryClient()

export const SKILL_NAMES_QUERY_KEY = ['skill-names'] as const

// Names change rarely (an admin renames a group): other screens pick a rename up within a minute.
const SKILL_NAMES_STALE_MS = 60_000

export function skillNamesQueryOptions() {
  return queryOptions({
    queryKey: SKILL_NAMES_QUERY_KEY,
    queryFn: ({ signal }) => getSkillNames(signal),
    staleTime: SKILL_NAMES_STALE_MS,
    refetchInterval: SKILL_NAMES_STALE_MS,
  })
}

/**
 * A skill group as people call it: the name an admin gave it, else its id's local part
 * (`7001@test.cc` → `7001`), also while the names load or when they cannot.
 */
export function useSkillName(): (skillId: string) => string {
  // Tiles and filters also render outside the app's query client (tests, previews): ids then.
  const client = useContext(QueryClientContext)
  const { data } = useQuery(
    { ...skillNamesQueryOptions(), enabled: client !== undefined },
    client ?? IDLE_CLIENT,
  )
  const names = data?.names
  return useCallback((id: string) => names?.[id] ?? localPart(id), [names])
}
