import type { AcState, StateFamily } from './ac-state'
import type { CallSummary } from './floor'

/** A stretch of one state in an agent's day. */
export interface TimelineSegment {
  acState: AcState
  family: StateFamily
  /** Epoch ms, clipped to the day. */
  from: number
  to: number
  reason: string | null
  callId: string | null
}

/** An agent's day: the strip of states, counts and time per family, and the calls they took. */
export interface AgentTimeline {
  agentId: string
  /** Platform-local day, `yyyy-MM-dd`. */
  day: string
  from: number
  to: number
  segments: TimelineSegment[]
  totals: Record<StateFamily, { count: number; seconds: number }>
  calls: CallSummary[]
}
