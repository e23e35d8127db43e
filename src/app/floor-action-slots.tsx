import { PendingBadge } from '@/features/actions/components/pending-badge'
import type { FloorSlots } from '@/features/floor/components/floor-slots'
import { loadOnFirstDraw } from '@/components/ui/on-demand'

/** The tile's menu, whose code the floor fetches ahead of the first click (see `FloorRoute`). */
export const TILE_MENU = loadOnFirstDraw(
  async () => (await import('@/features/actions/components/agent-action-menu')).AgentActionMenu,
)

/**
 * The floor as a supervisor sees it: the actions feature fills the floor's slots (the tile's
 * menu and busy badge, the drawer's buttons); neither feature knows the other. The menu and
 * the buttons load when first opened, the menu ahead of that.
 */
export const ACTION_SLOTS: FloorSlots = {
  TileMenu: TILE_MENU,
  TileStatus: PendingBadge,
  DrawerActions: loadOnFirstDraw(
    async () =>
      (await import('@/features/actions/components/agent-action-buttons')).AgentActionButtons,
  ),
}
