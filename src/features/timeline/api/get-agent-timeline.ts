import { queryOptions, useQuery } from '@tanstack/react-query'
import { type AgentTimeline, agentTimelineSchema } from '@/shared/timeline'
import { apiRequest } from '@/lib/api-client'

const REFRESH_MS = 60_000 // the strip is fetched again every minute while it is shown

/** Today's timeline of an agent (the relay picks the platform's today). */
export function getAgentTimeline(agentId: string, signal?: AbortSignal): Promise<AgentTimeline> {
  return apiRequest(`/api/agents/${encodeURIComponent(agentId)}/timeline`, {
    schema: agentTimelineSchema,
    signal,
  })
}

export function agentTimelineQueryOptions(agentId: string) {
  return queryOptions({
    queryKey: ['timeline', agentId] as const,
    queryFn: ({ signal }) => getAgentTimeline(agentId, signal),
    staleTime: 0, // asked afresh each time the drawer opens
    refetchOnMount: 'always',
    refetchInterval: REFRESH_MS,
  })
}

/** The agent's day, refreshed when shown and every minute while it stays shown. */
export function useAgentTimeline(agentId: string) {
  return useQuery(agentTimelineQueryOptions(agentId))
}
