import Box from '@mui/material/Box'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useShallow } from 'zustand/react/shallow'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import { FamilyCounts } from '@/features/floor/components/family-counts'
import { HeatLegend } from '@/features/floor/components/heat-legend'
import { WallHeatCell } from '@/features/floor/components/wall-heat-cell'
import { WallTile } from '@/features/floor/components/wall-tile'
import { useBreachFirst } from '@/features/floor/hooks/use-breach-first'
import { useBreachLevels } from '@/features/floor/hooks/use-breach-levels'
import { useFloorCounts } from '@/features/floor/hooks/use-floor-counts'
import { useVisibleAgentIds } from '@/features/floor/hooks/use-visible-agent-ids'
import { useFloorStore } from '@/features/floor/stores/floor-store'
import { countBreaches } from '@/features/floor/utils/breach'
import { DEFAULT_VIEW } from '@/features/floor/utils/floor-view'
import { LinkPill } from '@/features/wall/components/link-pill'
import { PlatformClock } from '@/features/wall/components/platform-clock'
import { StaleNotice } from '@/features/wall/components/stale-notice'
import { WallCallBacks } from '@/features/wall/components/wall-call-backs'
import { WallFigures } from '@/features/wall/components/wall-figures'
import { type WallHeatmapSource, WallScreen } from '@/features/wall/components/wall-screen'
import { rotateMsFrom } from '@/features/wall/utils/paging'
import { type WallMode, wallModeFrom } from '@/features/wall/utils/wall-mode'
import { useDeptNames } from '@/features/floor/hooks/use-filter-options'
import { useScopeLabel } from '@/hooks/use-scope-label'
import { FloorThresholds } from '../floor-thresholds'

/**
 * `/wall`: the floor for a screen across the room, always dark. Wall-screen links land here;
 * signed-in users may open it too (and find their way back). `?rotate=30` sets how many
 * seconds each page stays up when not everyone fits; `?mode=pages` or `?mode=heatmap` pins how a
 * big floor is shown (the heatmap by default above 200 agents).
 */
export function WallRoute() {
  return (
    <FloorThresholds>
      <Box data-color-scheme="dark" sx={{ colorScheme: 'dark' }}>
        <LiveWall />
      </Box>
    </FloorThresholds>
  )
}

/** The wall feature lays the screen out; the floor feature gives it the agents and the link. */
function LiveWall() {
  const { t } = useTranslation('wall')
  const me = useCurrentUser()
  const scope = useScopeLabel(useDeptNames())(me.scope)
  const [params, setParams] = useSearchParams()
  const loaded = useFloorStore((s) => s.loaded)
  // Red, then amber, then the rest by state: whoever is stuck is on the first page.
  const ids = useBreachFirst(useVisibleAgentIds(DEFAULT_VIEW), true)
  const levels = useBreachLevels()
  const mode = wallModeFrom(params, ids.length)
  const onModeChange = useCallback(
    (next: WallMode) =>
      setParams(
        (p) => {
          p.set('mode', next)
          return p
        },
        { replace: true },
      ),
    [setParams],
  )
  const heatmap = useMemo<WallHeatmapSource>(
    () => ({
      mode,
      onModeChange,
      exceptions: new Set(Object.keys(levels)),
      Cell: WallHeatCell,
      Legend: HeatLegend,
    }),
    [mode, onModeChange, levels],
  )
  return (
    <WallScreen
      title={t('wall.title')}
      subtitle={`${me.username} · ${scope.department} · ${scope.skills}`}
      backTo={me.kind === 'user' ? '/' : null}
      ids={loaded ? ids : null}
      Tile={WallTile}
      clock={<WallClock />}
      status={<WallLinkPill />}
      figures={<WallFiguresLive />}
      counts={<WallCounts />}
      callBacks={<WallCallBacksLive />}
      notice={<WallStale />}
      rotateMs={rotateMsFrom(params)}
      heatmap={heatmap}
    />
  )
}

function WallClock() {
  const offset = useFloorStore((s) => s.offset)
  return <PlatformClock offsetMs={offset} />
}

function WallLinkPill() {
  return <LinkPill status={useFloorStore((s) => s.status)} />
}

function WallFiguresLive() {
  const loaded = useFloorStore((s) => s.loaded)
  const total = useFloorStore((s) => s.figures?.total ?? null)
  const levels = useBreachLevels()
  return (
    <WallFigures figures={loaded ? total : null} breaches={loaded ? countBreaches(levels) : null} />
  )
}

function WallCounts() {
  const loaded = useFloorStore((s) => s.loaded)
  const counts = useFloorCounts(DEFAULT_VIEW)
  return <FamilyCounts counts={loaded ? counts.byFamily : null} />
}

function WallCallBacksLive() {
  const loaded = useFloorStore((s) => s.loaded)
  const callBacks = useFloorStore((s) => s.callBacks)
  return <WallCallBacks callBacks={loaded ? callBacks : null} />
}

function WallStale() {
  const link = useFloorStore(
    useShallow((s) => ({
      loaded: s.loaded,
      connected: s.link.connected,
      status: s.status,
      changedAt: s.link.changedAt,
      lastMessageAt: s.link.lastMessageAt,
      lastEventAt: s.lastEventAt,
      offset: s.offset,
    })),
  )
  const loggedIn = useFloorCounts(DEFAULT_VIEW).loggedIn
  return <StaleNotice facts={{ ...link, loggedIn }} />
}
