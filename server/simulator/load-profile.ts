/** The names `--load` takes. */
export const LOAD_NAMES = ['flat', 'day', 'busy'] as const
export type LoadName = (typeof LOAD_NAMES)[number]

/** A stretch of simulated time during which inbound calls arrive at `factor` × the base rate. */
export interface LoadStep {
  /** Simulated minutes. */
  minutes: number
  factor: number
  /** What a team lead would call it (logged, and shown by the simulator's status). */
  label: string
}

/**
 * How the inbound arrival rate moves over simulated time. The steps repeat; they follow the
 * simulated clock, so `--speed` plays them faster like everything else.
 */
export interface LoadProfile {
  name: LoadName
  steps: readonly LoadStep[]
}

/**
 * - flat: the base rate all the time (the floor busy about 70 %, short queues): what tests
 *   that count calls rely on.
 * - day: a working day's shape in a 30-minute cycle, so a demo sees it within one sitting: a
 *   morning, a peak well over what the floor can take (calls queue, some callers give up, the
 *   service level falls under its target), a quiet spell where it recovers, an afternoon bump
 *   and a quiet evening. About the base rate on average.
 * - busy: a floor short of agents all along, worse every quarter hour.
 */
export const LOAD_PROFILES: Record<LoadName, LoadProfile> = {
  flat: { name: 'flat', steps: [{ minutes: 30, factor: 1, label: 'flat' }] },
  day: {
    name: 'day',
    steps: [
      { minutes: 4, factor: 1.0, label: 'morning' },
      { minutes: 6, factor: 2.0, label: 'peak' },
      { minutes: 4, factor: 1.1, label: 'late morning' },
      { minutes: 5, factor: 0.5, label: 'lunch' },
      { minutes: 4, factor: 1.5, label: 'afternoon' },
      { minutes: 7, factor: 0.6, label: 'evening' },
    ],
  },
  busy: {
    name: 'busy',
    steps: [
      { minutes: 10, factor: 1.3, label: 'busy' },
      { minutes: 5, factor: 1.7, label: 'peak' },
    ],
  },
}

/** True when the rate never moves (nothing to schedule). */
export function isFlat(profile: LoadProfile): boolean {
  return profile.steps.every((s) => s.factor === 1)
}
