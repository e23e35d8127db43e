import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import type { FloorSlots } from '@/features/floor/components/floor-slots'
import { onDemand } from '@/components/ui/on-demand'
import { ViewsControl } from '@/features/views/components/views-control'
import { can } from '@/shared/auth'

/** Saved views for whoever is signed in: everyone opens them, some save, owners delete. */
function FloorViews() {
  const me = useCurrentUser()
  return (
    <ViewsControl
      canSave={can(me.role, 'saveViews')}
      username={me.username}
      isAdmin={can(me.role, 'manageUsers')}
    />
  )
}

/**
 * What every role gets on the floor, composed from features the floor does not know: the
 * agent's day in the details drawer (loaded when first opened), the saved views in the toolbar.
 */
export const WATCH_SLOTS: FloorSlots = {
  DrawerTimeline: onDemand(
    async () => (await import('@/features/timeline/components/agent-timeline')).AgentTimeline,
  ),
  ToolbarViews: FloorViews,
}
