import type { AgentView } from '@/shared/floor'
import { type FloorData, changedSince } from '../stores/floor-reducers'
import { type Breach, type FloorSettings, breachOf, ruleFor } from '@/shared/settings'

/** Whole seconds an agent has been in its state at `serverNow` (server clock, epoch ms). */
export function secondsInState(stateSince: number, serverNow: number): number {
  return Math.max(0, Math.floor((serverNow - stateSince) / 1000))
}

/**
 * How far past its thresholds an agent is at `serverNow`: the rule of its state family (or of
 * the skill group of its call) against its time in state. No settings yet: nothing breaches.
 */
export function agentBreach(
  agent: Pick<AgentView, 'acState' | 'workSkill' | 'stateSince'>,
  settings: FloorSettings | null,
  serverNow: number,
): Breach {
  if (!settings) return 'ok'
  return breachOf(ruleFor(agent, settings), secondsInState(agent.stateSince, serverNow))
}

/** Agents past a threshold, by id; agents within their thresholds are left out. */
export type BreachLevels = Readonly<Record<string, Exclude<Breach, 'ok'>>>

export function breachLevels(
  agents: Readonly<Record<string, AgentView>>,
  ids: readonly string[],
  settings: FloorSettings | null,
  serverNow: number,
): BreachLevels {
  const levels: Record<string, Exclude<Breach, 'ok'>> = {}
  if (!settings) return levels
  for (const id of ids) {
    const agent = agents[id]
    if (!agent) continue
    const breach = agentBreach(agent, settings, serverNow)
    if (breach !== 'ok') levels[id] = breach
  }
  return levels
}

export function sameLevels(a: BreachLevels, b: BreachLevels): boolean {
  if (a === b) return true
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k])
}

export interface BreachCounts {
  amber: number
  red: number
}

export function countBreaches(levels: BreachLevels): BreachCounts {
  let amber = 0
  let red = 0
  for (const level of Object.values(levels)) {
    if (level === 'red') red += 1
    else amber += 1
  }
  return { amber, red }
}

/**
 * Between which times (server clock, epoch ms) the agent's level stays what it is at
 * `serverNow`: from the last of its thresholds already crossed to the first still ahead (no
 * rule: always). Whole seconds count, as in `secondsInState`, so a threshold is crossed at its
 * seconds rounded up.
 */
function steadySpan(
  agent: AgentView,
  settings: FloorSettings,
  serverNow: number,
): [from: number, until: number] {
  const rule = ruleFor(agent, settings)
  let from = -Infinity
  let until = Infinity
  if (!rule) return [from, until]
  for (const sec of [rule.amberSec, rule.redSec]) {
    const at = agent.stateSince + Math.ceil(sec) * 1000
    if (at > serverNow) until = Math.min(until, at)
    else from = Math.max(from, at)
  }
  return [from, until]
}

/**
 * `breachLevels` kept from call to call: an agent's level is looked at again only when a batch
 * replaced it or when the clock crossed one of its thresholds (forward, or back a little as the
 * server clock's offset is refined); the whole floor is gone over only when who is on the floor
 * changed or the batches in between are not known. The same object is handed out while no
 * level changed.
 */
export function breachTracker(
  settings: FloorSettings,
): (floor: Pick<FloorData, 'agents' | 'ids' | 'delta'>, serverNow: number) => BreachLevels {
  let agents: Readonly<Record<string, AgentView>> | null = null
  let ids: readonly string[] | null = null
  let now = -Infinity
  let levels: BreachLevels = {}
  /** Per position in `ids`, the span of server time over which that agent's level holds. */
  let from = new Float64Array(0)
  let until = new Float64Array(0)
  let position = new Map<string, number>()

  const full = (floor: Pick<FloorData, 'agents' | 'ids'>, serverNow: number) => {
    const next = breachLevels(floor.agents, floor.ids, settings, serverNow)
    levels = sameLevels(levels, next) ? levels : next
    from = new Float64Array(floor.ids.length)
    until = new Float64Array(floor.ids.length)
    position = new Map()
    floor.ids.forEach((id, i) => {
      const agent = floor.agents[id]
      position.set(id, i)
      ;[from[i], until[i]] = agent ? steadySpan(agent, settings, serverNow) : [-Infinity, Infinity]
    })
  }

  return (floor, serverNow) => {
    const changed = agents && floor.ids === ids ? changedSince(agents, floor) : null
    if (changed === null) full(floor, serverNow)
    else if (changed.length > 0 || serverNow !== now) {
      const recheck = new Set(changed)
      for (let i = 0; i < until.length; i++) {
        if (serverNow >= until[i]! || serverNow < from[i]!) recheck.add(floor.ids[i]!)
      }
      let updated: Record<string, Exclude<Breach, 'ok'>> | null = null
      for (const id of recheck) {
        const i = position.get(id)
        if (i === undefined) continue
        const agent = floor.agents[id]
        const level = agent ? agentBreach(agent, settings, serverNow) : 'ok'
        ;[from[i], until[i]] = agent
          ? steadySpan(agent, settings, serverNow)
          : [-Infinity, Infinity]
        if ((levels[id] ?? 'ok') === level) continue
        updated ??= { ...levels }
        if (level === 'ok') delete updated[id]
        else updated[id] = level
      }
      if (updated) levels = updated
    }
    agents = floor.agents
    ids = floor.ids
    now = serverNow
    return levels
  }
}
