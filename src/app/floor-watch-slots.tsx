import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import type { FloorSlots } from '@/features/floor/components/floor-slots'
import { AgentTimeline } from '@/features/timeline/components/agent-timeline'
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
 * agent's day in the details drawer, the saved views in the toolbar.
 */
export const WATCH_SLOTS: FloorSlots = {
  DrawerTimeline: AgentTimeline,
  ToolbarViews: FloorViews,
}
