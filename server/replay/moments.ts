import type { AgentView } from '@/shared/floor'
import type { FloorMoment } from '@/shared/replay'
import { type FloorSettings, ruleFor } from '@/shared/settings'
import type { QueueCall } from './replay.repo'
import {
  type BucketFilter,
  type FiguresRules,
  isAbandoned,
  isAnswered,
  isOffered,
} from '../day-calls/figures'

/** Most moments one answer holds (the first ones, oldest first). */
export const MOMENTS_MAX = 2_000

type Breach = Extract<FloorMoment, { kind: 'breach' }>
type Crossing = Extract<FloorMoment, { kind: 'service-level' }>

/**
 * When agents' time in a state passed its amber or red threshold, in [from, to]: `events` are
 * each agent's, in order, the first being the state the agent was in at `from`. A state ends at
 * the agent's next event (or at `to`); the threshold is the tenant's for the state's family
 * and the call's skill group, as the floor's tiles apply it.
 */
export function breachMoments(
  events: readonly AgentView[],
  settings: FloorSettings,
  from: number,
  to: number,
): Breach[] {
  const out: Breach[] = []
  for (let i = 0; i < events.length; i++) {
    const view = events[i]!
    const next = events[i + 1]
    const sameAgent = next !== undefined && next.id === view.id
    // The same state told again (a reason changed, a supervisor joined) goes on: the last
    // telling of it carries on the clock.
    if (sameAgent && next.stateSince === view.stateSince && next.acState === view.acState) continue
    const end = sameAgent ? next.stateSince : to
    const rule = ruleFor(view, settings)
    if (!rule) continue
    for (const [level, sec] of [
      ['amber', rule.amberSec],
      ['red', rule.redSec],
    ] as const) {
      const at = view.stateSince + sec * 1000
      if (at >= end || at < from || at > to) continue
      out.push({
        kind: 'breach',
        at,
        agentId: view.id,
        name: view.name,
        state: view.acState,
        level,
      })
    }
  }
  return out
}

interface Level {
  /** Offered calls less short abandons: what the service level is a share of. */
  base: number
  inThreshold: number
  below: boolean
}

/**
 * When the day's service level (all calls, and each skill group's) crossed its target, in
 * [from, to]: recomputed as each call ends, `calls` being every call of the days concerned,
 * in the order they ended, each day counted from its start. Before its first call a queue
 * counts as on target.
 */
export function serviceLevelMoments(
  calls: readonly { day: string; call: QueueCall }[],
  rules: FiguresRules,
  filter: BucketFilter,
  from: number,
  to: number,
): Crossing[] {
  const out: Crossing[] = []
  let day: string | null = null
  let levels = new Map<string | null, Level>()
  for (const { day: callDay, call } of calls) {
    if (callDay !== day) {
      day = callDay
      levels = new Map()
    }
    if (!isOffered(call) || !filter(call.skillId, call.orgTreePos)) continue
    const own = rules(call.skillId)
    const short = isAbandoned(call) && (call.queueSec ?? 0) < own.shortAbandonSec
    const inThreshold = isAnswered(call) && (call.queueSec ?? 0) <= own.slThresholdSec
    if (short) continue
    for (const skillId of [null, call.skillId]) {
      let level = levels.get(skillId)
      if (!level) {
        level = { base: 0, inThreshold: 0, below: false }
        levels.set(skillId, level)
      }
      level.base += 1
      if (inThreshold) level.inThreshold += 1
      const serviceLevel = level.inThreshold / level.base
      const target = rules(skillId).slTargetPct / 100
      const below = serviceLevel < target
      if (below === level.below) continue
      level.below = below
      const at = call.endTime ?? 0
      if (at < from || at > to) continue
      out.push({
        kind: 'service-level',
        at,
        skillId,
        serviceLevel,
        target,
        direction: below ? 'below' : 'above',
      })
    }
  }
  return out
}

/** Both kinds, oldest first, at most `max` (and whether there were more). */
export function mergeMoments(
  lists: readonly (readonly FloorMoment[])[],
  max = MOMENTS_MAX,
): { moments: FloorMoment[]; truncated: boolean } {
  const all = lists.flat().sort((a, b) => a.at - b.at)
  return { moments: all.slice(0, max), truncated: all.length > max }
}
