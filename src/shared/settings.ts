import * as z from 'zod/mini'
import type { AgentView } from './floor'
import { type StateFamily, stateFamily } from './ac-state'
import { DEFAULT_SILENCE_SEC, SILENCE_MAX_SEC, SILENCE_MIN_SEC } from './recording-analysis'

/** State families that have time thresholds (available and logged out are never "too long"). */
export const THRESHOLD_FAMILIES = ['ringing', 'talking', 'hold', 'acw', 'notReady'] as const
export type ThresholdFamily = (typeof THRESHOLD_FAMILIES)[number]

export interface ThresholdRule {
  /** Seconds in the state after which the tile turns amber. */
  amberSec: number
  /** Seconds after which it turns red. */
  redSec: number
}

/** A queue's (skill group's) service-level rules. */
export interface QueueRule {
  /** Answered within this many seconds in queue counts toward the service level. */
  slThresholdSec: number
  /** The service level the queue aims for, percent. */
  slTargetPct: number
  /** Calls abandoned sooner than this are left out of the service level. */
  shortAbandonSec: number
}

/** How a tenant's recordings are read at a glance. */
export interface RecordingRules {
  /** Both sides quiet for longer than this many seconds is a long silence (SILENCE_MIN_SEC..SILENCE_MAX_SEC). */
  longSilenceSec: number
}

export const DEFAULT_RECORDING_RULES: RecordingRules = { longSilenceSec: DEFAULT_SILENCE_SEC }

/** Thresholds and queue targets of a tenant, set by an admin. */
export interface FloorSettings {
  families: Record<ThresholdFamily, ThresholdRule>
  /** Overrides per skill group (applied to an agent by the skill of their current call). */
  bySkill: Record<string, Partial<Record<ThresholdFamily, ThresholdRule>>>
  /** Rules of queues without their own. */
  defaultQueue: QueueRule
  queues: Record<string, QueueRule>
  /**
   * A customer number is a repeat caller once it reached the center this many times in the
   * platform day (inbound calls, abandoned ones included; REPEAT_CALLS_MIN..REPEAT_CALLS_MAX).
   */
  repeatCallsMin: number
  recordings: RecordingRules
}

/** Default, lowest and highest `repeatCallsMin`: the second call of the day is a repeat. */
export const REPEAT_CALLS_DEFAULT = 2
export const REPEAT_CALLS_MIN = 2
export const REPEAT_CALLS_MAX = 20

export const DEFAULT_FAMILY_THRESHOLDS: Record<ThresholdFamily, ThresholdRule> = {
  ringing: { amberSec: 15, redSec: 30 },
  acw: { amberSec: 60, redSec: 120 },
  notReady: { amberSec: 10 * 60, redSec: 20 * 60 },
  talking: { amberSec: 8 * 60, redSec: 15 * 60 },
  hold: { amberSec: 60, redSec: 180 },
}

export function defaultSettings(
  queue: Omit<QueueRule, 'slTargetPct'> & { slTargetPct?: number },
): FloorSettings {
  return {
    families: DEFAULT_FAMILY_THRESHOLDS,
    bySkill: {},
    defaultQueue: { slTargetPct: 80, ...queue },
    queues: {},
    repeatCallsMin: REPEAT_CALLS_DEFAULT,
    recordings: DEFAULT_RECORDING_RULES,
  }
}

// zod's mini build: the floor's first bundle carries these schemas (see README, Libraries).
const seconds = z.int().check(z.minimum(1), z.maximum(24 * 3600))
const rule = z.object({ amberSec: seconds, redSec: seconds }).check(
  z.refine((r) => r.amberSec < r.redSec, {
    path: ['redSec'],
    message: 'must be later than amberSec',
  }),
)
const queueRule = z.object({
  slThresholdSec: z.int().check(z.minimum(1), z.maximum(3600)),
  slTargetPct: z.number().check(z.minimum(1), z.maximum(100)),
  shortAbandonSec: z.int().check(z.minimum(0), z.maximum(600)),
})
const familyRules = z.object(
  Object.fromEntries(THRESHOLD_FAMILIES.map((f) => [f, rule])) as Record<
    ThresholdFamily,
    typeof rule
  >,
)
const skillKey = z.string().check(z.trim(), z.minLength(1), z.maxLength(100))

export const floorSettingsSchema = z.object({
  families: familyRules,
  bySkill: z
    .record(skillKey, z.partial(familyRules))
    .check(z.refine((r) => Object.keys(r).length <= 200, 'at most 200 skill groups')),
  defaultQueue: queueRule,
  queues: z
    .record(skillKey, queueRule)
    .check(z.refine((r) => Object.keys(r).length <= 200, 'at most 200 queues')),
  // Settings stored before it existed, and a page that does not send it, take the default.
  repeatCallsMin: z._default(
    z.int().check(z.minimum(REPEAT_CALLS_MIN), z.maximum(REPEAT_CALLS_MAX)),
    REPEAT_CALLS_DEFAULT,
  ),
  // Settings saved before recordings were read at a glance have none: the default applies.
  recordings: z._default(
    z.object({
      longSilenceSec: z._default(
        z.int().check(z.minimum(SILENCE_MIN_SEC), z.maximum(SILENCE_MAX_SEC)),
        DEFAULT_SILENCE_SEC,
      ),
    }),
    DEFAULT_RECORDING_RULES,
  ),
})

export type Breach = 'ok' | 'amber' | 'red'

/** The rule that applies to an agent now, or null when the state has no threshold. */
export function ruleFor(
  agent: Pick<AgentView, 'acState' | 'workSkill'>,
  settings: FloorSettings,
): ThresholdRule | null {
  const family: StateFamily = stateFamily(agent.acState)
  if (!(THRESHOLD_FAMILIES as readonly string[]).includes(family)) return null
  const f = family as ThresholdFamily
  return (
    (agent.workSkill ? settings.bySkill[agent.workSkill]?.[f] : undefined) ?? settings.families[f]
  )
}

/** How long is too long: amber or red after the rule's seconds in the state. */
export function breachOf(rule: ThresholdRule | null, secondsInState: number): Breach {
  if (!rule) return 'ok'
  if (secondsInState >= rule.redSec) return 'red'
  if (secondsInState >= rule.amberSec) return 'amber'
  return 'ok'
}

export function queueRuleFor(skillId: string | null, settings: FloorSettings): QueueRule {
  return (skillId ? settings.queues[skillId] : undefined) ?? settings.defaultQueue
}
