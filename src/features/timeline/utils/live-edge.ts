import { stateFamily } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import type { AgentTimeline, TimelineSegment } from '@/shared/timeline'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The day's segments carried on to `now` with what the floor knows live: between two fetches
 * (one a minute) the current state keeps growing at the right edge, and a state the agent
 * entered since the fetch starts where the floor says it did. Never past the end of the day.
 */
export function withLiveEdge(
  timeline: Pick<AgentTimeline, 'from' | 'to' | 'segments'>,
  agent: Pick<AgentView, 'acState' | 'stateSince' | 'reason' | 'callId'>,
  now: number,
): { segments: TimelineSegment[]; to: number } {
  const to = Math.min(Math.max(now, timeline.to), timeline.from + DAY_MS)
  const segments = timeline.segments.map((s) => ({ ...s }))
  const last = segments.at(-1)
  const since = Math.max(agent.stateSince, timeline.from)
  const same =
    last !== undefined &&
    last.acState === agent.acState &&
    last.callId === agent.callId &&
    since <= last.to
  if (same) {
    last.to = to
    return { segments, to }
  }
  if (last) last.to = Math.min(to, Math.max(last.to, since))
  const start = Math.max(since, last?.to ?? timeline.from)
  if (start < to) {
    segments.push({
      acState: agent.acState,
      family: stateFamily(agent.acState),
      from: start,
      to,
      reason: agent.reason,
      callId: agent.callId,
    })
  }
  return { segments, to }
}
