import Box from '@mui/material/Box'
import { type ComponentType, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useElementSize } from '../hooks/use-element-size'
import { heatLayout } from '../utils/heatmap-layout'
import { wallLayout } from '../utils/wall-layout'
import { WallGrid } from './wall-grid'

const EXCEPTIONS_SHARE = 0.45 // of the grid's height at most, so the heatmap keeps its room
const EXCEPTION_GROWTH = 1.25 // a few exceptions get tiles this much above the readable size
// Cells may grow to three times a tile's unit: on a 4K wall with room to spare they fill it.
const HEAT_GROWTH = 3

interface WallHeatmapProps {
  /** Agents over their time, worst first: a tile each while there is room. */
  exceptions: readonly string[]
  /** Everyone else, in the order their cells are laid out (by state). */
  rest: readonly string[]
  /** The grid's box, px. */
  width: number
  height: number
  minUnit: number
  Tile: ComponentType<{ id: string }>
  /** One agent as a small square coloured by its state, filling its cell (`1em` = its edge). */
  Cell: ComponentType<{ id: string }>
  /** What each colour means, counting the agents among `ids` (the cells). */
  Legend: ComponentType<{ ids: readonly string[] }>
}

const lineSx = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  columnGap: '1.2vw',
  rowGap: '0.4vh',
  fontSize: 'max(14px, 2vh)',
  fontWeight: 700,
  lineHeight: 1.25,
} as const

/**
 * A big floor on one screen: the agents over their time as tiles on top (as many as fit in a
 * share of the height; the others stay outlined among the cells), and every other agent as a
 * small square coloured by its state under a legend that counts them. Nothing pages, and
 * every agent is on the screen, once.
 */
export function WallHeatmap(props: WallHeatmapProps) {
  const { exceptions, rest, width, height, minUnit, Tile, Cell, Legend } = props
  const { t } = useTranslation('wall')
  const tiles = useMemo(
    () =>
      wallLayout({
        count: exceptions.length,
        width,
        height: Math.floor(height * EXCEPTIONS_SHARE),
        minUnit,
        maxUnit: minUnit * EXCEPTION_GROWTH,
      }),
    [exceptions.length, width, height, minUnit],
  )
  const shown = exceptions.slice(0, tiles.pages > 1 ? tiles.perPage : exceptions.length)
  const more = exceptions.slice(shown.length)
  const cells = useMemo(() => [...more, ...rest], [more, rest])
  const heatRef = useRef<HTMLDivElement>(null)
  const heatBox = useElementSize(heatRef)
  const heat = heatLayout(cells.length, heatBox.width, heatBox.height, minUnit * HEAT_GROWTH)

  return (
    <Box sx={{ height: '100%', display: 'flex', flexDirection: 'column', gap: '1vh' }}>
      <Box component="section" aria-label={t('wall.exceptionsLabel')} data-wall-exceptions>
        <Box sx={{ ...lineSx, mb: '0.6vh' }}>
          <Box component="h2" sx={{ m: 0, font: 'inherit' }}>
            {exceptions.length > 0
              ? t('wall.exceptions', { count: exceptions.length })
              : t('wall.noExceptions')}
          </Box>
          {more.length > 0 && (
            <Box sx={{ fontWeight: 400, color: 'text.secondary' }}>
              {t('wall.exceptionsMore', { count: more.length })}
            </Box>
          )}
        </Box>
        {shown.length > 0 && <WallGrid ids={shown} layout={tiles} Tile={Tile} />}
      </Box>
      <Box
        component="section"
        aria-label={t('wall.heatLabel')}
        sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: '0.8vh' }}
      >
        <Box sx={lineSx}>
          <Box component="h2" sx={{ m: 0, font: 'inherit' }}>
            {t('wall.heatTitle', { count: cells.length })}
          </Box>
          <Legend ids={cells} />
        </Box>
        <Box ref={heatRef} sx={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>
          {heatBox.width > 0 && (
            <Box
              data-wall-heatmap
              sx={{
                display: 'grid',
                gridTemplateColumns: `repeat(${heat.columns}, ${heat.size}px)`,
                gridAutoRows: `${heat.size}px`,
                gap: `${heat.gap}px`,
                fontSize: `${heat.size}px`,
              }}
            >
              {cells.map((id) => (
                <Cell key={id} id={id} />
              ))}
            </Box>
          )}
        </Box>
      </Box>
    </Box>
  )
}
