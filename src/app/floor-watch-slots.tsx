import { useMemo } from 'react'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import { useDeptOptions } from '@/features/floor/hooks/use-filter-options'
import { DeptNameContext } from '@/features/views/components/view-names'
import type { FloorSlots } from '@/features/floor/components/floor-slots'
import { loadOnFirstDraw } from '@/components/ui/on-demand'
import { ViewsControl } from '@/features/views/components/views-control'
import { can } from '@/shared/auth'

/** Saved views for whoever is signed in: everyone opens them, some save, owners delete. */
function FloorViews() {
  const me = useCurrentUser()
  const depts = useDeptOptions()
  // Saved views hold department ids; their summaries say the names the floor knows.
  const deptName = useMemo(() => {
    const names = new Map(depts.map((d) => [d.key, d.label]))
    return (key: string) => names.get(key) ?? key
  }, [depts])
  return (
    <DeptNameContext value={deptName}>
      <ViewsControl
        canSave={can(me.role, 'saveViews')}
        username={me.username}
        isAdmin={can(me.role, 'manageUsers')}
      />
    </DeptNameContext>
  )
}

/**
 * What every role gets on the floor, composed from features the floor does not know: the
 * agent's day in the details drawer (loaded when first opened), the saved views in the toolbar.
 */
export const WATCH_SLOTS: FloorSlots = {
  DrawerTimeline: loadOnFirstDraw(
    async () => (await import('@/features/timeline/components/agent-timeline')).AgentTimeline,
  ),
  ToolbarViews: FloorViews,
}
