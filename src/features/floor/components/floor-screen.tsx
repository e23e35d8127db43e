import { CallBackContext } from '@/components/ui/call-back-slot'
import { loadOnFirstDraw, preloadWhenIdle, useOpenedOnce } from '@/components/ui/on-demand'
import Box from '@mui/material/Box'
import useMediaQuery from '@mui/material/useMediaQuery'
import type { Theme } from '@mui/material/styles'
import { type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDensity } from '../hooks/use-density'
import { useFloorView } from '../hooks/use-floor-view'
import { useReplayDriver } from '../hooks/use-replay-driver'
import { useReplaying } from '../stores/replay-store'
import { ConnectionBanner } from './connection-banner'
import { FiguresColumn } from './figures-column'
import {
  type FloorSlots,
  type TileMenuAnchor,
  type TileSlots,
  TileSlotsContext,
} from './floor-slots'
import { FloorBody } from './floor-body'
import { FloorToolbar } from './floor-toolbar'
import { CallBackOffWhileReplaying, NoActionsWhileReplaying, ReplayRefused } from './replay-states'
import { TileMenuHost } from './tile-menu-host'

/** The agent's details load the first time a tile is opened. */
const AgentDrawer = loadOnFirstDraw(async () => (await import('./agent-drawer')).AgentDrawer)
/** The look-back banner, with its player and moments, loads the first time the floor looks back. */
const ReplayBanner = loadOnFirstDraw(async () => (await import('./replay-banner')).ReplayBanner)
/** A narrow screen's figures drawer loads the first time it is opened. */
const FiguresDrawer = loadOnFirstDraw(async () => (await import('./figures-drawer')).FiguresDrawer)

const CALL_BACK_OFF = { Button: CallBackOffWhileReplaying }

/** While looking back, the call-back buttons (latest calls, call backs) are shown off. */
function CallBacksOffWhileReplaying({ on, children }: { on: boolean; children: ReactNode }) {
  const canCallBack = use(CallBackContext).Button !== undefined
  if (!on || !canCallBack) return children
  return <CallBackContext value={CALL_BACK_OFF}>{children}</CallBackContext>
}

interface FloorScreenProps {
  /** What the app adds to tiles and drawer (the supervisor actions); none for viewers. */
  slots?: FloorSlots | undefined
  /** The user's scope in words when it is limited (said when the floor is empty); null otherwise. */
  scope?: string | null | undefined
}

/** The live floor: toolbar, every agent as a tile, today's figures beside them. */
export function FloorScreen({ slots, scope }: FloorScreenProps) {
  const { t } = useTranslation()
  const [view, setView] = useFloorView()
  const [density, setDensity] = useDensity()
  const [openId, setOpenId] = useState<string | null>(null)
  const drawerUsed = useOpenedOnce(openId !== null)
  const onOpen = useCallback((id: string) => setOpenId(id), [])
  const onClose = useCallback(() => setOpenId(null), [])
  // The tile menu keeps its agent and anchor while it fades out.
  const [menu, setMenu] = useState<{ agentId: string; anchor: TileMenuAnchor } | null>(null)
  const [menuOpen, setMenuOpen] = useState(false)
  const openMenu = useCallback((agentId: string, anchor: TileMenuAnchor) => {
    setMenu({ agentId, anchor })
    setMenuOpen(true)
  }, [])
  // While looking back the floor is the past: no actions on it (a tile opens its details, where
  // the actions are shown off with the reason), and no live action badges on the tiles.
  const replay = useReplayDriver()
  useEffect(() => preloadWhenIdle(ReplayBanner), [])
  const replaying = useReplaying()
  const TileMenu = replaying ? undefined : slots?.TileMenu
  const TileStatus = replaying ? undefined : slots?.TileStatus
  const DrawerActions =
    replaying && slots?.DrawerActions ? NoActionsWhileReplaying : slots?.DrawerActions
  const tileSlots = useMemo<TileSlots>(
    () => ({ TileStatus, openMenu: TileMenu ? openMenu : undefined }),
    [TileStatus, TileMenu, openMenu],
  )
  const clearFilters = useCallback(
    () => setView({ skills: [], depts: [], families: [], q: '', overTime: false }),
    [setView],
  )

  // Wide screens keep the figures beside the grid (remembered in the URL); narrow ones slide them in.
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('md'))
  const [narrowFiguresOpen, setNarrowFiguresOpen] = useState(false)
  const narrowFiguresUsed = useOpenedOnce(!wide && narrowFiguresOpen)
  const figuresOpen = wide ? view.showFigures : narrowFiguresOpen
  const toggleFigures = () => {
    if (wide) setView({ showFigures: !view.showFigures }, { replace: true })
    else setNarrowFiguresOpen((open) => !open)
  }

  return (
    <CallBacksOffWhileReplaying on={replaying}>
      <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
        <FloorToolbar
          view={view}
          onChange={setView}
          figuresOpen={figuresOpen}
          onToggleFigures={toggleFigures}
          views={slots?.ToolbarViews}
          density={density}
          onDensityChange={setDensity}
        />
        {replaying ? <ReplayBanner loading={replay.loading} /> : <ConnectionBanner />}
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
          <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
            {replay.error !== null ? (
              <ReplayRefused error={replay.error} />
            ) : (
              <TileSlotsContext value={tileSlots}>
                <FloorBody
                  view={view}
                  density={density}
                  onOpen={onOpen}
                  onClearFilters={clearFilters}
                  busy={menuOpen || openId !== null}
                  scope={scope}
                />
              </TileSlotsContext>
            )}
          </Box>
          {wide && view.showFigures && (
            <Box
              component="aside"
              aria-label={t('figures.title')}
              sx={{
                width: { md: 380, xl: 440 },
                flexShrink: 0,
                borderLeft: 1,
                borderColor: 'divider',
                bgcolor: 'background.paper',
                minHeight: 0,
              }}
            >
              <FiguresColumn />
            </Box>
          )}
        </Box>
        {!wide && narrowFiguresUsed && (
          <FiguresDrawer open={narrowFiguresOpen} onClose={() => setNarrowFiguresOpen(false)} />
        )}
        {drawerUsed && (
          <AgentDrawer
            agentId={openId}
            onClose={onClose}
            actions={DrawerActions}
            timeline={slots?.DrawerTimeline}
          />
        )}
        {TileMenu && menu && (
          <TileMenuHost
            Menu={TileMenu}
            agentId={menu.agentId}
            anchor={menu.anchor}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            onDetails={() => {
              setMenuOpen(false)
              setOpenId(menu.agentId)
            }}
          />
        )}
      </Box>
    </CallBacksOffWhileReplaying>
  )
}
