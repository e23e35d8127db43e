/**
 * How the wall screen lays out its tiles: every tile the same size, as large as lets them all
 * fit the grid's box without scrolling; when even the smallest readable size cannot hold them
 * all, as many as fit at that size per page, and the pages rotate.
 *
 * Sizes are in one unit, the tile's font size (its `em`): a tile is TILE_WIDTH_EM by
 * TILE_HEIGHT_EM of it, with GAP_EM between tiles.
 */
export const TILE_WIDTH_EM = 8
export const TILE_HEIGHT_EM = 3
export const GAP_EM = 0.3
const MIN_GAP_PX = 4
const MAX_STRETCH = 1.3 // tiles may grow this much taller to fill the box

export interface WallLayoutInput {
  /** Tiles to show. */
  count: number
  /** The grid's box, px. */
  width: number
  height: number
  /** Smallest font size still readable across the room, px. */
  minUnit: number
  /** Largest worth using, px (a handful of agents should not get poster-sized tiles). */
  maxUnit: number
}

export interface WallLayout {
  /** The tiles' font size, px (whole pixels). */
  unit: number
  columns: number
  /** Rows on a page. */
  rows: number
  /** Tile size and the gap between tiles, px; tiles may be stretched wider to fill a row. */
  tileWidth: number
  tileHeight: number
  gap: number
  /** Tiles on each page (the last may have fewer). */
  perPage: number
  pages: number
}

function gapFor(unit: number): number {
  return Math.max(MIN_GAP_PX, Math.round(unit * GAP_EM))
}

/** Columns and rows of `unit`-sized tiles that fit in `width` × `height`. */
function capacity(unit: number, width: number, height: number) {
  const gap = gapFor(unit)
  const columns = Math.floor((width + gap) / (unit * TILE_WIDTH_EM + gap))
  const rows = Math.floor((height + gap) / (unit * TILE_HEIGHT_EM + gap))
  return { columns: Math.max(0, columns), rows: Math.max(0, rows), gap }
}

export function wallLayout(input: WallLayoutInput): WallLayout {
  const count = Math.max(1, Math.floor(input.count))
  const width = Math.max(0, input.width)
  const height = Math.max(0, input.height)
  const lo = Math.max(1, Math.ceil(input.minUnit))
  const hi = Math.max(lo, Math.floor(input.maxUnit))

  // Largest size at which everyone fits (sizes are few: counting down is plenty fast).
  for (let unit = hi; unit >= lo; unit--) {
    const fit = capacity(unit, width, height)
    if (fit.columns * fit.rows >= count) {
      // Rows actually needed, and columns evened out over them (9 agents: 3 × 3, not 5 + 4).
      const rows = Math.ceil(count / fit.columns)
      const columns = Math.ceil(count / rows)
      return finish(unit, columns, rows, fit.gap, width, height, count, 1)
    }
  }

  // Too many for one screen: pages of the smallest readable size, filled evenly.
  let unit = lo
  let fit = capacity(unit, width, height)
  if (fit.columns === 0 || fit.rows === 0) {
    // Not even one readable tile fits (a tiny window): shrink to one tile per page.
    unit = Math.max(1, Math.floor(Math.min(width / TILE_WIDTH_EM, height / TILE_HEIGHT_EM)))
    fit = { ...capacity(unit, width, height), columns: 1, rows: 1 }
  }
  const pages = Math.ceil(count / (fit.columns * fit.rows))
  const perPage = Math.ceil(count / pages)
  const rows = Math.ceil(perPage / fit.columns)
  return finish(unit, fit.columns, rows, fit.gap, width, height, perPage, pages)
}

function finish(
  unit: number,
  columns: number,
  rows: number,
  gap: number,
  width: number,
  height: number,
  perPage: number,
  pages: number,
): WallLayout {
  // Taller tiles share out the height a last short row would leave empty (up to a point: the
  // type stays the size chosen, only the tile grows around it).
  const tileHeight = Math.max(
    unit * TILE_HEIGHT_EM,
    Math.min(
      Math.floor(unit * TILE_HEIGHT_EM * MAX_STRETCH),
      Math.floor((height - gap * (rows - 1)) / rows),
    ),
  )
  // Stretch tiles to fill the row (whole pixels, so rounding never pushes the last one out).
  const tileWidth = Math.max(
    unit * TILE_WIDTH_EM,
    Math.floor((width - gap * (columns - 1)) / columns),
  )
  return { unit, columns, rows, tileWidth, tileHeight, gap, perPage, pages }
}

/**
 * The readable range of tile font sizes for a screen `viewportHeight` px tall. The smallest
 * grows with the square root of the height (20 px on a 1080p screen, 28 px on 4K, never below
 * 18 px): a 4K wall has finer pixels, not a bigger room, so it shows about twice the agents of
 * a 1080p one rather than the same agents twice as large. Up to 1/15 of the height.
 */
export function unitRange(viewportHeight: number): { minUnit: number; maxUnit: number } {
  const minUnit = Math.max(18, Math.round(20 * Math.sqrt(Math.max(0, viewportHeight) / 1080)))
  return { minUnit, maxUnit: Math.max(minUnit, Math.round(viewportHeight / 15)) }
}
