import { AgentActionButtons } from '@/features/actions/components/agent-action-buttons'
import { AgentActionMenu } from '@/features/actions/components/agent-action-menu'
import { PendingBadge } from '@/features/actions/components/pending-badge'
import type { FloorSlots } from '@/features/floor/components/floor-slots'

/**
 * The floor as a supervisor sees it: the actions feature fills the floor's slots (the tile's
 * menu and busy badge, the drawer's buttons); neither feature knows the other.
 */
export const ACTION_SLOTS: FloorSlots = {
  TileMenu: AgentActionMenu,
  TileStatus: PendingBadge,
  DrawerActions: AgentActionButtons,
}
