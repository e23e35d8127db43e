import { ROW_HEIGHT, TILE_GAP, TILE_HEIGHT, columnsFor } from './grid-layout'

/** The sizes the tile grid lays out by, px: fixed, so the virtualiser never measures. */
export interface TileLayout {
  tileHeight: number
  rowHeight: number
  columnsFor: (width: number) => number
}

export const FULL_TILES: TileLayout = { tileHeight: TILE_HEIGHT, rowHeight: ROW_HEIGHT, columnsFor }

/** Compact tiles: name, state and timer only, about twice as many to a screen. */
export const COMPACT_TILE_HEIGHT = 48
const COMPACT_MIN_WIDTH = 176

export const COMPACT_TILES: TileLayout = {
  tileHeight: COMPACT_TILE_HEIGHT,
  rowHeight: COMPACT_TILE_HEIGHT + TILE_GAP,
  columnsFor: (width) =>
    Math.max(1, Math.floor((width + TILE_GAP) / (COMPACT_MIN_WIDTH + TILE_GAP))),
}
