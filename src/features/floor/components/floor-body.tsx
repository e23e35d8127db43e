import Box from '@mui/material/Box'
import { type FocusEvent, useState } from 'react'
import { NOT_LIVE_OPACITY, isLive } from '../stores/connection-status'
import { useFloorStore } from '../stores/floor-store'
import { useFloorOrder } from '../hooks/use-floor-order'
import { useHeldOrder } from '../hooks/use-held-order'
import { useVisibleAgentIds } from '../hooks/use-visible-agent-ids'
import type { FloorView } from '../utils/floor-view'
import type { Density } from '@/shared/preferences'
import { loadOnFirstDraw } from '@/components/ui/on-demand'
import { useTableGroup } from '../hooks/use-table-group'
import { AgentGrid } from './agent-grid'
import { ChangesWaiting } from './changes-waiting'
import { EmptyFloor, GridSkeleton, NoMatch } from './floor-states'

/** The table (and its grid library) loads the first time it is chosen. */
const AgentTable = loadOnFirstDraw(async () => (await import('./agent-table')).AgentTable)

interface FloorBodyProps {
  view: FloorView
  /** Tiles, compact tiles or the table. */
  density?: Density | undefined
  onOpen: (id: string) => void
  onClearFilters: () => void
  /** A tile's menu or the details drawer is open: the order waits until it closes. */
  busy?: boolean
  /** The user's scope in words when it is limited; null for the whole tenant. */
  scope?: string | null | undefined
}

/**
 * The grid, or what stands in for it: skeletons, an empty floor, or no match. While the
 * pointer or focus is on the grid, or `busy`, tiles keep their places (see `useHeldOrder`);
 * while the link is down they all dim.
 */
export function FloorBody({
  view,
  density = 'tiles',
  onOpen,
  onClearFilters,
  busy = false,
  scope,
}: FloorBodyProps) {
  const loaded = useFloorStore((s) => s.loaded)
  const empty = useFloorStore((s) => s.ids.length === 0)
  const linkLive = useFloorStore((s) => isLive(s.status))
  const live = useFloorOrder(useVisibleAgentIds(view), view)
  const [pointerIn, setPointerIn] = useState(false)
  const [focusIn, setFocusIn] = useState(false)
  const { ids, waiting, apply } = useHeldOrder(live, pointerIn || focusIn || busy, view)
  const [group, setGroup] = useTableGroup()
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    // Focus moving between tiles (or to the notice) stays in.
    if (!e.currentTarget.contains(e.relatedTarget)) setFocusIn(false)
  }
  // The box stays whatever it holds, so the pointer's way in and out is always heard.
  return (
    <Box
      onPointerEnter={() => setPointerIn(true)}
      onPointerLeave={() => setPointerIn(false)}
      onFocus={() => setFocusIn(true)}
      onBlur={onBlur}
      data-live={linkLive}
      sx={{
        position: 'relative',
        flex: 1,
        minHeight: 0,
        display: 'flex',
        flexDirection: 'column',
        // While the link is down every tile dims, as the figures do; the box, not each tile,
        // so no tile re-renders for it. A stopped timer inside is dimmed once, not twice.
        opacity: linkLive ? 1 : NOT_LIVE_OPACITY,
        transition: 'opacity 200ms',
        '& [role="timer"][data-live="false"]': { opacity: '1 !important' },
      }}
    >
      {!loaded ? (
        <GridSkeleton />
      ) : empty ? (
        <EmptyFloor scope={scope} />
      ) : ids.length === 0 ? (
        <NoMatch onClear={onClearFilters} />
      ) : (
        <>
          {density === 'table' ? (
            <AgentTable ids={ids} onOpen={onOpen} group={group} onGroupChange={setGroup} />
          ) : (
            <AgentGrid ids={ids} onOpen={onOpen} compact={density === 'compact'} />
          )}
          <ChangesWaiting count={waiting} onApply={apply} />
        </>
      )}
    </Box>
  )
}
