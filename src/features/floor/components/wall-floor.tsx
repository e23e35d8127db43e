import Box from '@mui/material/Box'
import { useFloorCounts } from '../hooks/use-floor-counts'
import { useVisibleAgentIds } from '../hooks/use-visible-agent-ids'
import { useFloorStore } from '../stores/floor-store'
import { DEFAULT_VIEW } from '../utils/floor-view'
import { AgentGrid } from './agent-grid'
import { ConnectionBanner } from './connection-banner'
import { FamilyCounts } from './family-counts'
import { EmptyFloor, GridSkeleton } from './floor-states'

/**
 * The floor as a wall screen shows it: the counts per family in large type above every agent
 * in scope, ordered by state. Nothing to filter, nothing to open.
 */
export function WallFloor() {
  const loaded = useFloorStore((s) => s.loaded)
  const empty = useFloorStore((s) => s.ids.length === 0)
  const counts = useFloorCounts(DEFAULT_VIEW)
  const ids = useVisibleAgentIds(DEFAULT_VIEW)
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box sx={{ px: 1.5, pt: 1.5, pb: 0.5 }}>
        <FamilyCounts counts={loaded ? counts.byFamily : null} />
      </Box>
      <ConnectionBanner />
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {!loaded ? <GridSkeleton /> : empty ? <EmptyFloor /> : <AgentGrid ids={ids} />}
      </Box>
    </Box>
  )
}
