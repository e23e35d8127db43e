/**
 * The heatmap's cells: all the same square size, the largest that lets `count` of them fit the
 * box (up to `maxSize`), with a gap of HEAT_GAP_PX between them.
 */
export const HEAT_GAP_PX = 3
const MIN_SIZE_PX = 6 // below this a cell's colour is hard to tell from across a room

export interface HeatLayout {
  /** Cell edge, px. */
  size: number
  columns: number
  rows: number
  gap: number
}

export function heatLayout(
  count: number,
  width: number,
  height: number,
  maxSize: number,
): HeatLayout {
  const n = Math.max(1, Math.floor(count))
  const gap = HEAT_GAP_PX
  const fit = (size: number) => ({
    columns: Math.max(1, Math.floor((width + gap) / (size + gap))),
    rows: Math.max(1, Math.floor((height + gap) / (size + gap))),
  })
  // Sizes are few: counting down is plenty fast.
  for (let size = Math.max(MIN_SIZE_PX, Math.floor(maxSize)); size > MIN_SIZE_PX; size--) {
    const { columns, rows } = fit(size)
    if (columns * rows >= n) return { size, columns, rows: Math.ceil(n / columns), gap }
  }
  // The box is too small even for the smallest cells: they wrap, and the region clips them.
  const { columns } = fit(MIN_SIZE_PX)
  return { size: MIN_SIZE_PX, columns, rows: Math.ceil(n / columns), gap }
}
