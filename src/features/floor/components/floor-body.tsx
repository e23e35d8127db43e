import { useFloorStore } from '../stores/floor-store'
import { useFloorOrder } from '../hooks/use-floor-order'
import { useVisibleAgentIds } from '../hooks/use-visible-agent-ids'
import type { FloorView } from '../utils/floor-view'
import { AgentGrid } from './agent-grid'
import { EmptyFloor, GridSkeleton, NoMatch } from './floor-states'

interface FloorBodyProps {
  view: FloorView
  onOpen: (id: string) => void
  onClearFilters: () => void
}

/** The grid, or what stands in for it: skeletons, an empty floor, or no match. */
export function FloorBody({ view, onOpen, onClearFilters }: FloorBodyProps) {
  const loaded = useFloorStore((s) => s.loaded)
  const empty = useFloorStore((s) => s.ids.length === 0)
  const ids = useFloorOrder(useVisibleAgentIds(view), view)
  if (!loaded) return <GridSkeleton />
  if (empty) return <EmptyFloor />
  if (ids.length === 0) return <NoMatch onClear={onClearFilters} />
  return <AgentGrid ids={ids} onOpen={onOpen} />
}
