import { queryOptions, useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { AC_STATES, STATE_FAMILIES } from '@/shared/ac-state'
import type { AgentTimeline, TimelineSegment } from '@/shared/timeline'
import { apiRequest } from '@/lib/api-client'
import { callSummarySchema } from '@/shared/floor'

const REFRESH_MS = 60_000 // the strip is fetched again every minute while it is shown

const segmentSchema = z.object({
  acState: z.enum(AC_STATES).catch('Unknown'),
  family: z.enum(STATE_FAMILIES),
  from: z.number(),
  to: z.number(),
  reason: z.string().nullable(),
  callId: z.string().nullable(),
}) satisfies z.ZodType<TimelineSegment>

const total = z.object({ count: z.number(), seconds: z.number() })

const timelineSchema = z.object({
  agentId: z.string(),
  day: z.string(),
  from: z.number(),
  to: z.number(),
  segments: z.array(segmentSchema),
  totals: z.object(
    Object.fromEntries(STATE_FAMILIES.map((f) => [f, total])) as Record<
      (typeof STATE_FAMILIES)[number],
      typeof total
    >,
  ),
  calls: z.array(callSummarySchema),
}) satisfies z.ZodType<AgentTimeline>

/** Today's timeline of an agent (the relay picks the platform's today). */
export function getAgentTimeline(agentId: string, signal?: AbortSignal): Promise<AgentTimeline> {
  return apiRequest(`/api/agents/${encodeURIComponent(agentId)}/timeline`, {
    schema: timelineSchema,
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
