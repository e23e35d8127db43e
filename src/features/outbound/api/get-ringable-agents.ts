import { queryOptions, useQuery } from '@tanstack/react-query'
import { floorSnapshotSchema } from '@/shared/floor'
import { apiRequest } from '@/lib/api-client'

/** An agent a call back can ring first: logged in, on an extension. */
export interface RingableAgent {
  id: string
  name: string | null
  /** The extension the agent is logged in on, e.g. `8001@test.cc`. */
  extension: string
  acState: string
}

/** The agents of the user's floor who are logged in on an extension, by name. */
export async function getRingableAgents(signal?: AbortSignal): Promise<RingableAgent[]> {
  const floor = await apiRequest('/api/floor', { schema: floorSnapshotSchema, signal })
  return floor.agents
    .flatMap((a) =>
      a.channelAddr && a.acState !== 'LogOut'
        ? [{ id: a.id, name: a.name, extension: a.channelAddr, acState: a.acState }]
        : [],
    )
    .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, 'zh'))
}

/** Fetched when the dialog asks, fresh each time it opens: the floor moves. */
export function useRingableAgents(enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: ['outbound', 'ringable-agents'] as const,
      queryFn: ({ signal }) => getRingableAgents(signal),
      enabled,
      staleTime: 0,
    }),
  )
}
