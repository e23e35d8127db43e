import type { AgentView } from '@/shared/floor'
import { useFloorStore } from '../stores/floor-store'

/** One agent; re-renders the caller only when that agent's view is replaced. */
export function useAgent(id: string): AgentView | undefined {
  return useFloorStore((s) => s.agents[id])
}
