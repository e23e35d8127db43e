import { randomInt } from 'node:crypto'

/** Seeded randomness: the same seed plays the same call center, call for call. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number
  /** Integer uniform in [min, max]. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** Exponentially distributed with the given mean (inter-arrival times of a Poisson process). */
  exponential(mean: number): number
  pick<T>(items: readonly T[]): T
  /** A version-4-shaped UUID drawn from this stream, so call ids repeat with the seed. */
  uuid(): string
}

/** A seed for runs started without one; printed so the run can be replayed. */
export function randomSeed(): number {
  return randomInt(1, 2 ** 31)
}

/** mulberry32: tiny, fast and good enough to play a call center. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const hex = (digits: number): string => {
    let out = ''
    for (let i = 0; i < digits; i++) out += Math.floor(next() * 16).toString(16)
    return out
  }
  return {
    next,
    uniform: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    // 1 - next() is in (0, 1], so the logarithm stays finite.
    exponential: (mean) => -Math.log(1 - next()) * mean,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    uuid: () => {
      const variant = (8 + Math.floor(next() * 4)).toString(16)
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
    },
  }
}

/** FNV-1a, 32 bits: a stable seed from a string (a callId for its recording, say). */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
