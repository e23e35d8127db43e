import type { Agent } from './agent-model'
import type { Call } from './call-model'

/** The Available agent with `skill` who has been idle longest, as an ACD picks one. */
export function longestIdleAgent(agents: readonly Agent[], skill: string): Agent | null {
  let best: Agent | null = null
  for (const a of agents) {
    if (a.state !== 'Available' || !a.skills.includes(skill)) continue
    if (!best || a.stateSince < best.stateSince) best = a
  }
  return best
}

/** Among the queues of `skills`, the call that has waited longest (queues are FIFO). */
export function longestWaitingCall(
  queues: ReadonlyMap<string, readonly Call[]>,
  skills: readonly string[],
): Call | null {
  let best: Call | null = null
  for (const skill of skills) {
    const head = queues.get(skill)?.[0]
    if (head && (!best || (head.firstQueuedAt ?? 0) < (best.firstQueuedAt ?? 0))) best = head
  }
  return best
}

/** Inserts `call` in its queue by first queue time, so a call that rang out keeps its place. */
export function insertByWait(queue: Call[], call: Call): void {
  const at = call.firstQueuedAt ?? Infinity
  let i = queue.length
  while (i > 0 && (queue[i - 1]?.firstQueuedAt ?? 0) > at) i--
  queue.splice(i, 0, call)
}
