/** Tile size, px: fixed so the virtualiser never measures and numbers never shift the layout. */
export const TILE_HEIGHT = 100
export const TILE_MIN_WIDTH = 212
export const TILE_GAP = 8
export const ROW_HEIGHT = TILE_HEIGHT + TILE_GAP

/** How many tiles fit side by side in `width` px (at least one). */
export function columnsFor(width: number): number {
  return Math.max(1, Math.floor((width + TILE_GAP) / (TILE_MIN_WIDTH + TILE_GAP)))
}

/** Where a grid key moves the focus from `index`, or null for keys the grid does not handle. */
export function nextIndex(
  key: string,
  index: number,
  columns: number,
  count: number,
  pageRows: number,
): number | null {
  let next: number
  switch (key) {
    case 'ArrowRight':
      next = index + 1
      break
    case 'ArrowLeft':
      next = index - 1
      break
    case 'ArrowDown':
      next = index + columns
      break
    case 'ArrowUp':
      next = index - columns
      break
    case 'PageDown':
      next = index + columns * pageRows
      break
    case 'PageUp':
      next = index - columns * pageRows
      break
    case 'Home':
      next = 0
      break
    case 'End':
      next = count - 1
      break
    default:
      return null
  }
  return Math.min(count - 1, Math.max(0, next))
}
