import * as z from 'zod/mini'

/*
 * The abandoned callers the floor and the wall keep for calling back (seed 003 §5), apart from
 * the rest of the outbound contract so the floor's first bundle carries only this part of it.
 */

/** Rows of the abandoned-callers list a screen gets at most (the count says how many in all). */
export const ABANDONED_CALLERS_MAX = 100

export const abandonedCallerSchema = z.object({
  /** The customer's number, as the call records have it. */
  phone: z.string(),
  /** Calls from this number abandoned today, not yet reached. */
  attempts: z.number(),
  /** When the first and the latest of them ended, epoch ms. */
  firstAt: z.number(),
  lastAt: z.number(),
  /** Queue of the latest one. */
  skillId: z.nullable(z.string()),
  lastCallId: z.string(),
  /** A call back under way (asked through the console, not ended yet), if any. */
  callingBack: z.nullable(z.object({ by: z.string(), since: z.number(), callId: z.string() })),
  /**
   * The number's calls that reached the center today (answered ones too), when it is a repeat
   * caller (this reached the tenant's `repeatCallsMin`); absent otherwise.
   */
  callerCallsToday: z.optional(z.number()),
})
export type AbandonedCaller = z.output<typeof abandonedCallerSchema>

export const callBacksSchema = z.object({
  /** Waiting to be reached, the latest abandoned first; at most ABANDONED_CALLERS_MAX. */
  waiting: z.array(abandonedCallerSchema),
  /** How many numbers are waiting in all. */
  waitingCount: z.number(),
  /** Numbers that abandoned today. */
  abandonedToday: z.number(),
  /** Of those, reached later today (a call back, or a later call answered). */
  reachedAgain: z.number(),
  /** Median time from the first abandoned call to the call that reached them, seconds. */
  medianReachSec: z.nullable(z.number()),
})
/** Today's abandoned callers: who is still waiting for a call back, and how fast we reach them. */
export type CallBacks = z.output<typeof callBacksSchema>
