import * as z from 'zod/mini'
import { AC_STATES, STATE_FAMILIES, type StateFamily } from './ac-state'
import { callSummarySchema } from './floor'

export const timelineSegmentSchema = z.object({
  /** A state this console does not know reads as Unknown. */
  acState: z.catch(z.enum(AC_STATES), 'Unknown'),
  family: z.enum(STATE_FAMILIES),
  /** Epoch ms, clipped to the day. */
  from: z.number(),
  to: z.number(),
  reason: z.nullable(z.string()),
  callId: z.nullable(z.string()),
})
/** A stretch of one state in an agent's day. */
export type TimelineSegment = z.output<typeof timelineSegmentSchema>

const familyTotal = z.object({ count: z.number(), seconds: z.number() })

export const agentTimelineSchema = z.object({
  agentId: z.string(),
  /** Platform-local day, `yyyy-MM-dd`. */
  day: z.string(),
  from: z.number(),
  to: z.number(),
  segments: z.array(timelineSegmentSchema),
  /** Count and time of each state family. */
  totals: z.object(
    Object.fromEntries(STATE_FAMILIES.map((f) => [f, familyTotal])) as Record<
      StateFamily,
      typeof familyTotal
    >,
  ),
  calls: z.array(callSummarySchema),
})
/** An agent's day: the strip of states, counts and time per family, and the calls they took. */
export type AgentTimeline = z.output<typeof agentTimelineSchema>
