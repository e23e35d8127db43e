import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded'
import HeadsetMicRounded from '@mui/icons-material/HeadsetMicRounded'
import Box from '@mui/material/Box'
import IconButton from '@mui/material/IconButton'
import Skeleton from '@mui/material/Skeleton'
import { type ComponentType, type ReactNode, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useElementSize } from '../hooks/use-element-size'
import { useIdleCursor } from '../hooks/use-idle-cursor'
import { usePage } from '../hooks/use-page'
import { useViewportHeight } from '../hooks/use-viewport-height'
import { useWakeLock } from '../hooks/use-wake-lock'
import { pageSlice } from '../utils/paging'
import { unitRange, wallLayout } from '../utils/wall-layout'
import { HEATMAP_ABOVE, type WallMode } from '../utils/wall-mode'
import { FullscreenButton } from './fullscreen-button'
import { PageIndicator } from './page-indicator'
import { WallGrid } from './wall-grid'
import { WallHeatmap } from './wall-heatmap'
import { WallModeSwitch } from './wall-mode-switch'

/** What a big floor's heatmap needs: who is over time, how to draw a cell, what colours mean. */
export interface WallHeatmapSource {
  mode: WallMode
  onModeChange: (mode: WallMode) => void
  /** Of `ids`, those over their time, in `ids`' order. */
  exceptions: ReadonlySet<string>
  Cell: ComponentType<{ id: string }>
  /** What each colour means, counting the agents among `ids` (the heatmap's cells). */
  Legend: ComponentType<{ ids: readonly string[] }>
}

interface WallScreenProps {
  title: string
  /** Who is shown: the account and its scope. */
  subtitle: string
  /** Where the back arrow leads (signed-in users); none for a wall-screen session. */
  backTo: string | null
  /** Agents in the order shown; null before the first snapshot. */
  ids: readonly string[] | null
  Tile: ComponentType<{ id: string }>
  /** The platform clock. */
  clock: ReactNode
  /** The link's state, in words. */
  status: ReactNode
  /** Today's figures against their targets. */
  figures: ReactNode
  /** Agents per state family. */
  counts: ReactNode
  /**
   * Abandoned callers waiting for a call back: in the header's free width, so the tiles keep
   * their height; it takes a line of its own when the header has no room left.
   */
  callBacks?: ReactNode
  /** How stale the data is, when it is: drawn over the grid. */
  notice: ReactNode
  /** How long each page stays up when not everyone fits, ms. */
  rotateMs: number
  /** Lets a big floor show as exceptions and a heatmap instead of pages. */
  heatmap?: WallHeatmapSource
}

/**
 * The wall screen: dark, large, nothing to click but the way back and full screen. The header
 * says who is shown and the time; below it today's figures and the agents per state; then
 * every agent as a tile, as large as lets them all fit without scrolling, or in pages that turn
 * by themselves when even the smallest readable tiles cannot hold everyone.
 */
export function WallScreen(props: WallScreenProps) {
  const { title, subtitle, backTo, ids, Tile, clock, status, figures, counts, notice, rotateMs } =
    props
  const heatmap = props.heatmap
  const { t } = useTranslation('wall')
  const gridRef = useRef<HTMLDivElement>(null)
  const box = useElementSize(gridRef)
  const viewportHeight = useViewportHeight()
  const idle = useIdleCursor()
  useWakeLock()

  const count = ids?.length ?? 0
  const layout = useMemo(
    () => wallLayout({ count, width: box.width, height: box.height, ...unitRange(viewportHeight) }),
    [count, box.width, box.height, viewportHeight],
  )
  const measured = box.width > 0 && box.height > 0
  const heat = heatmap?.mode === 'heatmap' ? heatmap : null
  const page = usePage(measured && !heat ? layout.pages : 1, rotateMs)
  const split = useMemo(() => {
    if (!heat || !ids) return null
    return {
      exceptions: ids.filter((id) => heat.exceptions.has(id)),
      rest: ids.filter((id) => !heat.exceptions.has(id)),
    }
  }, [heat, ids])
  const shown = useMemo(
    () => (ids ? pageSlice(ids, page, layout.perPage) : []),
    [ids, page, layout.perPage],
  )

  return (
    <Box
      sx={{
        height: '100dvh',
        display: 'flex',
        flexDirection: 'column',
        overflow: 'hidden',
        bgcolor: 'background.default',
        color: 'text.primary',
        cursor: idle ? 'none' : 'auto',
      }}
    >
      <Box
        component="header"
        sx={{
          // A narrow (portrait) screen takes the clock and switches onto a second line.
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          columnGap: '1.5vw',
          rowGap: '0.5vh',
          px: '1.2vw',
          py: '0.8vh',
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        {backTo && (
          <IconButton
            component={Link}
            to={backTo}
            aria-label={t('wall.back')}
            edge="start"
            sx={{ '& svg': { fontSize: 'max(24px, 3.2vh)' } }}
          >
            <ArrowBackRounded />
          </IconButton>
        )}
        <HeadsetMicRounded color="primary" aria-hidden sx={{ fontSize: 'max(24px, 3.6vh)' }} />
        <Box sx={{ minWidth: 0, flexShrink: 0, maxWidth: '100%' }}>
          <Box
            component="h1"
            sx={{ m: 0, fontSize: 'max(18px, 2.8vh)', fontWeight: 700, lineHeight: 1.2 }}
          >
            {title}
          </Box>
          <Box
            sx={{
              fontSize: 'max(12px, 1.7vh)',
              color: 'text.secondary',
            }}
          >
            {subtitle}
          </Box>
        </Box>
        {props.callBacks ? (
          <Box
            sx={{
              flex: '1 1 0',
              minWidth: 'min(100%, 42vh)',
              // What it lists follows the width it gets (see WallCallBacks).
              containerType: 'inline-size',
              display: 'flex',
              justifyContent: 'center',
            }}
          >
            {props.callBacks}
          </Box>
        ) : (
          <Box sx={{ flex: 1 }} />
        )}
        {heatmap && (count > HEATMAP_ABOVE || heatmap.mode === 'heatmap') && (
          <WallModeSwitch mode={heatmap.mode} onChange={heatmap.onModeChange} />
        )}
        {measured && !heat && <PageIndicator page={page} pages={layout.pages} />}
        {status}
        {clock}
        <FullscreenButton />
      </Box>
      <Box
        sx={{
          px: '1.2vw',
          pt: '1vh',
          display: 'flex',
          flexDirection: 'column',
          gap: '0.8vh',
        }}
      >
        {figures}
        {counts}
      </Box>
      <Box
        component="main"
        sx={{ flex: 1, minHeight: 0, px: '1.2vw', pt: '1vh', pb: '1.2vh', display: 'flex' }}
      >
        <Box
          ref={gridRef}
          role="region"
          aria-label={t('wall.gridLabel')}
          data-wall-grid
          sx={{ flex: 1, minWidth: 0, minHeight: 0, position: 'relative', overflow: 'hidden' }}
        >
          {ids === null ? (
            <Skeleton variant="rounded" animation="wave" sx={{ width: '100%', height: '100%' }} />
          ) : ids.length === 0 ? (
            <Box
              sx={{
                height: '100%',
                display: 'grid',
                placeItems: 'center',
                fontSize: 'max(20px, 3.5vh)',
                color: 'text.secondary',
              }}
            >
              {t('wall.noAgents')}
            </Box>
          ) : !measured ? null : heat && split ? (
            <WallHeatmap
              exceptions={split.exceptions}
              rest={split.rest}
              width={box.width}
              height={box.height}
              minUnit={unitRange(viewportHeight).minUnit}
              Tile={Tile}
              Cell={heat.Cell}
              Legend={heat.Legend}
            />
          ) : (
            <WallGrid key={page} ids={shown} layout={layout} Tile={Tile} />
          )}
          {notice}
        </Box>
      </Box>
    </Box>
  )
}
