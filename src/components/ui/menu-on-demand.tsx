import type { MenuProps } from '@mui/material/Menu'
import { popupOnDemand } from './on-demand'

/**
 * MUI's Menu, whose code (the menu list, the popover, the modal layer and its focus trap) is
 * fetched once the page is idle: the menus of the app bar and the floor's toolbar, and the
 * lists of MUI's selects (the build gives MUI's Select this one, see `vite.config.ts`).
 */
const MenuOnDemand = popupOnDemand<MenuProps>(
  async () => (await import('@mui/material/Menu')).default,
)
export default MenuOnDemand
