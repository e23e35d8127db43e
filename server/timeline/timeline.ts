import { STATE_FAMILIES, stateFamily } from '@/shared/ac-state'
import type { AgentView, CallSummary } from '@/shared/floor'
import { compareSerials } from '@/shared/serial'
import type { AgentTimeline, TimelineSegment } from '@/shared/timeline'

/**
 * Folds an agent's stored events into the day's strip: each event's state lasts until the
 * next one (or until `until`, the end of the day or now), clipped to [from, until).
 * Repeated and out-of-order events were stored too; sorting by time puts them in place.
 */
export function buildTimeline(
  agentId: string,
  day: string,
  events: AgentView[],
  calls: CallSummary[],
  from: number,
  until: number,
): AgentTimeline {
  const sorted = [...events].sort(
    (a, b) => a.stateSince - b.stateSince || compareSerials(a.serial, b.serial),
  )
  const segments: TimelineSegment[] = []
  sorted.forEach((e, i) => {
    const start = Math.max(from, e.stateSince)
    const end = Math.min(until, sorted[i + 1]?.stateSince ?? until)
    if (end <= start) return
    const last = segments.at(-1)
    // The same state reported again (a repeated event, a reason change) continues the stretch.
    if (last && last.acState === e.acState && last.callId === e.callId && last.to === start) {
      last.to = end
      return
    }
    segments.push({
      acState: e.acState,
      family: stateFamily(e.acState),
      from: start,
      to: end,
      reason: e.reason,
      callId: e.callId,
    })
  })
  const totals = Object.fromEntries(
    STATE_FAMILIES.map((f) => [f, { count: 0, seconds: 0 }]),
  ) as AgentTimeline['totals']
  for (const s of segments) {
    totals[s.family].count += 1
    totals[s.family].seconds += (s.to - s.from) / 1000
  }
  return { agentId, day, from, to: until, segments, totals, calls }
}
