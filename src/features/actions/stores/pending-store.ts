import { create } from 'zustand'
import type { ActionOp } from '@/shared/actions'

/** An action sent to the relay and not yet answered. */
export interface PendingAction {
  op: ActionOp
  /** Epoch ms. */
  since: number
}

interface PendingState {
  /** By agent id: at most one action per agent at a time. */
  byAgent: Readonly<Record<string, PendingAction>>
}

/**
 * Actions in flight, by agent, so the agent's tile can say so while the relay and the platform
 * work. It holds nothing about the agent's state: the floor changes only by the platform's events.
 */
export const usePendingStore = create<PendingState>()(() => ({ byAgent: {} }))

/** Marks an action as running; false (and nothing changes) when one already runs on the agent. */
export function startPending(agentId: string, op: ActionOp, now = Date.now()): boolean {
  if (usePendingStore.getState().byAgent[agentId]) return false
  usePendingStore.setState((s) => ({ byAgent: { ...s.byAgent, [agentId]: { op, since: now } } }))
  return true
}

export function endPending(agentId: string): void {
  usePendingStore.setState((s) => {
    if (!s.byAgent[agentId]) return s
    const { [agentId]: _done, ...rest } = s.byAgent
    return { byAgent: rest }
  })
}

/** The action running on one agent; re-renders the caller only when that agent's entry changes. */
export function usePendingAction(agentId: string): PendingAction | undefined {
  return usePendingStore((s) => s.byAgent[agentId])
}

/** For tests and sign-out. */
export function resetPendingStore(): void {
  usePendingStore.setState({ byAgent: {} })
}
