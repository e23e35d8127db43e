import type { AgentView } from '@/shared/floor'
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
