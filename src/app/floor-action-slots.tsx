import { PendingBadge } from '@/features/actions/components/pending-badge'
import type { FloorSlots } from '@/features/floor/components/floor-slots'
import { loadOnFirstDraw } from '@/components/ui/on-demand'

const TileMenu = loadOnFirstDraw(
  async () => (await import('@/features/actions/components/agent-action-menu')).AgentActionMenu,
)

/**
 * The floor as a supervisor sees it: the actions feature fills the floor's slots (the tile's
 * menu and busy badge, the drawer's buttons); neither feature knows the other. The menu and
 * the buttons load when first opened, or the menu earlier (`preloadTileMenu`).
 */
export const ACTION_SLOTS: FloorSlots = {
  TileMenu,
  TileStatus: PendingBadge,
  DrawerActions: loadOnFirstDraw(
    async () =>
      (await import('@/features/actions/components/agent-action-buttons')).AgentActionButtons,
  ),
}

/**
 * Fetches the tile menu's code while the floor waits for its agents, so the first click on a
 * tile opens the menu at once instead of after a suspended render.
 */
export function preloadTileMenu(): Promise<void> {
  return TileMenu.preload()
}
