import { PendingBadge } from '@/features/actions/components/pending-badge'
import type { FloorSlots } from '@/features/floor/components/floor-slots'
import { loadOnFirstDraw } from '@/components/ui/on-demand'

/**
 * The floor as a supervisor sees it: the actions feature fills the floor's slots (the tile's
 * menu and busy badge, the drawer's buttons); neither feature knows the other. The menu and
 * the buttons load when first opened.
 */
export const ACTION_SLOTS: FloorSlots = {
  TileMenu: loadOnFirstDraw(
    async () => (await import('@/features/actions/components/agent-action-menu')).AgentActionMenu,
  ),
  TileStatus: PendingBadge,
  DrawerActions: loadOnFirstDraw(
    async () =>
      (await import('@/features/actions/components/agent-action-buttons')).AgentActionButtons,
  ),
}
