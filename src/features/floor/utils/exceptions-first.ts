import type { AgentView } from '@/shared/floor'
import { type FloorSettings, ruleFor } from '@/shared/settings'
import type { BreachLevels } from './breach'

type Agents = Readonly<Record<string, AgentView>>

/**
 * When the agent crossed the threshold of its level (server clock, epoch ms): the earlier, the
 * longer it has been over. Comparing crossings orders agents by time over without a clock, so
 * the order changes only when someone's level does, not on every tick.
 */
function crossedAt(agent: AgentView, level: 'amber' | 'red', settings: FloorSettings): number {
  const rule = ruleFor(agent, settings)
  const sec = rule ? (level === 'red' ? rule.redSec : rule.amberSec) : 0
  return agent.stateSince + sec * 1000
}

/**
 * Exceptions first: agents past red, then past amber, each group longest over its threshold
 * first; then everyone else in the order they came in (the sort chosen). The same array when
 * nobody is over time.
 */
export function exceptionsFirst(
  ids: readonly string[],
  levels: BreachLevels,
  agents: Agents,
  settings: FloorSettings | null,
): readonly string[] {
  if (!settings) return ids
  const over: { id: string; severity: number; at: number }[] = []
  const rest: string[] = []
  for (const id of ids) {
    const level = levels[id]
    const agent = agents[id]
    if (level && agent) {
      over.push({ id, severity: level === 'red' ? 0 : 1, at: crossedAt(agent, level, settings) })
    } else rest.push(id)
  }
  if (over.length === 0) return ids
  // A stable sort: equal crossings keep the incoming order.
  over.sort((a, b) => a.severity - b.severity || a.at - b.at)
  return [...over.map((o) => o.id), ...rest]
}

/** The agents over time, in the order given (the over-time filter). */
export function onlyOverTime(ids: readonly string[], levels: BreachLevels): readonly string[] {
  return ids.filter((id) => levels[id] !== undefined)
}
