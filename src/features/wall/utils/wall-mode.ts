/**
 * How the wall shows its agents: every one as a tile, in pages that turn when they do not all
 * fit; or the agents over their time as tiles and every other one as a small cell coloured by
 * its state (a heatmap), all on one screen.
 */
export type WallMode = 'pages' | 'heatmap'

/** Above this many agents a wall shows the heatmap unless told otherwise. */
export const HEATMAP_ABOVE = 200

/**
 * `?mode=pages` or `?mode=heatmap` on the wall's URL pins the mode (a kiosk link may carry it);
 * otherwise the heatmap for more than HEATMAP_ABOVE agents, pages below.
 */
export function wallModeFrom(params: URLSearchParams, count: number): WallMode {
  const asked = params.get('mode')
  if (asked === 'pages' || asked === 'heatmap') return asked
  return count > HEATMAP_ABOVE ? 'heatmap' : 'pages'
}
