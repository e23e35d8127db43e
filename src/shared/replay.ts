import * as z from 'zod/mini'
import { floorSnapshotSchema } from './floor'

/*
 * Looking back at the floor: the floor as it was at a past moment, and the moments worth
 * jumping to. Declared once; the relay builds these answers and the page checks them with the
 * same schemas.
 */

/**
 * `GET /api/floor?at=<ISO time or epoch ms>`: the floor as one audience saw it at `at`. The
 * snapshot's fields mean what they mean live, as of `at`: every agent in the state it was in
 * then (`stateSince` when that state began), the day's figures counting the calls ended by
 * then, the latest calls ended before it. `serverTime` is `at`, so timers read as they did
 * then; `seq` is 0 and `lastEventAt` the last event received before `at`.
 */
export const pastFloorSchema = z.extend(floorSnapshotSchema, {
  /** The moment shown, epoch ms. */
  at: z.number(),
})
export type PastFloor = z.output<typeof pastFloorSchema>

/** A moment worth jumping to while looking back. */
export const floorMomentSchema = z.union([
  z.object({
    kind: z.literal('breach'),
    /** When the agent's time in the state passed its threshold, epoch ms. */
    at: z.number(),
    agentId: z.string(),
    name: z.nullable(z.string()),
    /** The state that ran long (an `AcState`). */
    state: z.string(),
    /** Which threshold it passed, as the floor's breach levels (amber, then red). */
    level: z.enum(['amber', 'red']),
  }),
  z.object({
    kind: z.literal('service-level'),
    /** When the day's service level crossed its target, epoch ms. */
    at: z.number(),
    /** The skill group, or null for all calls. */
    skillId: z.nullable(z.string()),
    /** 0..1 after the call that crossed it. */
    serviceLevel: z.number(),
    /** 0..1. */
    target: z.number(),
    /** Whether it fell below the target or rose back to it. */
    direction: z.enum(['below', 'above']),
  }),
])
export type FloorMoment = z.output<typeof floorMomentSchema>

/** `GET /api/floor/moments?from=&to=`: the moments between two times, oldest first. */
export const floorMomentsSchema = z.object({
  from: z.number(),
  to: z.number(),
  moments: z.array(floorMomentSchema),
  /** True when there were more than the answer holds (it keeps the first ones). */
  truncated: z.boolean(),
})
export type FloorMoments = z.output<typeof floorMomentsSchema>
