import type { PopperProps } from '@mui/material/Popper'
import { popupOnDemand } from './on-demand'

/**
 * MUI's Popper for the hints (tooltips) of every page: a hint's bubble is drawn only when it
 * opens, so its positioning code (Popper.js) need not be in the first bundle. The build gives
 * MUI's Tooltip this one (see `vite.config.ts`).
 */
const PopperOnDemand = popupOnDemand<PopperProps>(
  async () => (await import('@mui/material/Popper')).default,
)
export default PopperOnDemand
