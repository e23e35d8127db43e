import * as z from 'zod/mini'
import { STATE_FAMILIES } from './ac-state'

/** One agent's day so far (platform-local day), as the relay counts it from the agent's events. */
export const agentDayStatsSchema = z.object({
  agentId: z.string(),
  /** Calls the agent was connected to today (each call once, however often it was held). */
  callsHandled: z.number(),
  /** Talk + hold + after-call work today, seconds. */
  handleSec: z.number(),
  /** Average handle time: `handleSec / callsHandled`; null before the first call. */
  ahtSec: z.nullable(z.number()),
  /** (talk + hold + after-call work) / logged-in time, 0..1; null before the agent logged in today. */
  occupancy: z.nullable(z.number()),
  /** Whole seconds in each state family today, in `STATE_FAMILIES` order. */
  seconds: z.array(z.number()).check(z.length(STATE_FAMILIES.length)),
})

/** `GET /api/floor/day-stats`: every agent of the caller's scope. */
export const dayStatsSchema = z.object({
  /** Platform-local day, `yyyy-MM-dd`. */
  day: z.string(),
  /** When the figures were taken, epoch ms (open stretches count up to here). */
  at: z.number(),
  agents: z.array(agentDayStatsSchema),
})

export type AgentDayStats = z.output<typeof agentDayStatsSchema>
export type DayStats = z.output<typeof dayStatsSchema>
