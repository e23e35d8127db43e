import { useFloorStore } from '../stores/floor-store'
import { useBreachFirst } from '../hooks/use-breach-first'
import { useVisibleAgentIds } from '../hooks/use-visible-agent-ids'
import type { FloorView } from '../utils/floor-view'
import { AgentGrid } from './agent-grid'
import { EmptyFloor, GridSkeleton, NoMatch } from './floor-states'

interface FloorBodyProps {
  view: FloorView
  onOpen: (id: string) => void
  onClearFilters: () => void
  /** The user's scope in words when it is limited; null for the whole tenant. */
  scope?: string | null | undefined
}

/** The grid, or what stands in for it: skeletons, an empty floor, or no match. */
export function FloorBody({ view, onOpen, onClearFilters, scope }: FloorBodyProps) {
  const loaded = useFloorStore((s) => s.loaded)
  const empty = useFloorStore((s) => s.ids.length === 0)
  const ids = useBreachFirst(useVisibleAgentIds(view), view.breachFirst)
  if (!loaded) return <GridSkeleton />
  if (empty) return <EmptyFloor scope={scope} />
  if (ids.length === 0) return <NoMatch onClear={onClearFilters} />
  return <AgentGrid ids={ids} onOpen={onOpen} />
}
