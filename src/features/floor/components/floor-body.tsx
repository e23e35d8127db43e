import { useFloorStore } from '../stores/floor-store'
import { useBreachFirst } from '../hooks/use-breach-first'
import { useVisibleAgentIds } from '../hooks/use-visible-agent-ids'
import type { FloorView } from '../utils/floor-view'
import type { Density } from '@/shared/preferences'
import { onDemand } from '@/components/ui/on-demand'
import { useTableGroup } from '../hooks/use-table-group'
import { AgentGrid } from './agent-grid'
import { EmptyFloor, GridSkeleton, NoMatch } from './floor-states'

/** The table (and its grid library) loads the first time it is chosen. */
const AgentTable = onDemand(async () => (await import('./agent-table')).AgentTable)

interface FloorBodyProps {
  view: FloorView
  /** Tiles, compact tiles or the table. */
  density?: Density | undefined
  onOpen: (id: string) => void
  onClearFilters: () => void
}

/** The grid, or what stands in for it: skeletons, an empty floor, or no match. */
export function FloorBody({ view, density = 'tiles', onOpen, onClearFilters }: FloorBodyProps) {
  const loaded = useFloorStore((s) => s.loaded)
  const empty = useFloorStore((s) => s.ids.length === 0)
  const ids = useBreachFirst(useVisibleAgentIds(view), view.breachFirst)
  const [group, setGroup] = useTableGroup()
  if (!loaded) return <GridSkeleton />
  if (empty) return <EmptyFloor />
  if (ids.length === 0) return <NoMatch onClear={onClearFilters} />
  if (density === 'table')
    return <AgentTable ids={ids} onOpen={onOpen} group={group} onGroupChange={setGroup} />
  return <AgentGrid ids={ids} onOpen={onOpen} compact={density === 'compact'} />
}
