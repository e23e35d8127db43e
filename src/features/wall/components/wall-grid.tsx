import Box from '@mui/material/Box'
import type { ComponentType } from 'react'
import type { WallLayout } from '../utils/wall-layout'

interface WallGridProps {
  /** The tiles on this page. */
  ids: readonly string[]
  layout: WallLayout
  /** Draws one agent, filling its cell; sized in `em` of the grid's font size (`layout.unit`). */
  Tile: ComponentType<{ id: string }>
}

/** One page of tiles, all the same size, as `wallLayout` chose: never more than the box holds. */
export function WallGrid({ ids, layout, Tile }: WallGridProps) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: `repeat(${layout.columns}, ${layout.tileWidth}px)`,
        gridAutoRows: `${layout.tileHeight}px`,
        gap: `${layout.gap}px`,
        fontSize: `${layout.unit}px`,
        lineHeight: 1.15,
        '@keyframes wall-page-in': { from: { opacity: 0 }, to: { opacity: 1 } },
        animation: 'wall-page-in 400ms ease-out',
        '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
      }}
    >
      {ids.map((id) => (
        <Tile key={id} id={id} />
      ))}
    </Box>
  )
}
