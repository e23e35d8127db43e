import type { ActionOp } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import { usePendingAction } from '../stores/pending-store'
import { type Availability, opAvailability } from '../utils/op-availability'
import { useActions } from './use-actions'

/** Every operation's availability on the agent, for the signed-in supervisor, live. */
export function useOpAvailability(
  agent: AgentView,
  ops: readonly ActionOp[],
): { op: ActionOp; availability: Availability }[] {
  const { phone } = useActions()
  const pending = usePendingAction(agent.id)?.op ?? null
  return ops.map((op) => ({ op, availability: opAvailability(op, agent, phone, pending) }))
}
