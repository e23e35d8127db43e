import { useEffect, useMemo } from 'react'
import { ActionsHost } from '@/features/actions/components/actions-host'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import { FloorScreen } from '@/features/floor/components/floor-screen'
import { preloadWhenIdle } from '@/components/ui/on-demand'
import { useDeptNames } from '@/features/floor/hooks/use-filter-options'
import { useScopeLabel } from '@/hooks/use-scope-label'
import { setPresenceSelf } from '@/lib/presence-store'
import { can } from '@/shared/auth'
import { ACTION_SLOTS, TILE_MENU } from '../floor-action-slots'
import { FloorThresholds } from '../floor-thresholds'
import { WATCH_SLOTS } from '../floor-watch-slots'
import { PROFILE_PATH } from '../paths'

const SUPERVISOR_SLOTS = { ...WATCH_SLOTS, ...ACTION_SLOTS }

/** The floor; supervisors and admins get the actions on each agent, viewers only watch. */
export function FloorRoute() {
  const me = useCurrentUser()
  const scopeLabel = useScopeLabel(useDeptNames())
  // The tiles tell the lead's own presence apart from the other leads'.
  useEffect(() => setPresenceSelf(me.username), [me.username])
  const acts = can(me.role, 'act')
  // The tile menu's code comes while the floor waits for its agents: the first click opens it.
  useEffect(() => (acts ? preloadWhenIdle(TILE_MENU) : undefined), [acts])
  const limited = me.scope.orgPrefix !== null || (me.scope.skills?.length ?? 0) > 0
  const label = scopeLabel(me.scope)
  const scope = limited ? `${label.department} · ${label.skills}` : null
  const phone = useMemo(
    () => ({ deviceId: me.deviceId, phoneNumber: me.phoneNumber }),
    [me.deviceId, me.phoneNumber],
  )
  if (!acts)
    return (
      <FloorThresholds>
        <FloorScreen slots={WATCH_SLOTS} scope={scope} />
      </FloorThresholds>
    )
  return (
    <FloorThresholds>
      <ActionsHost phone={phone} profilePath={PROFILE_PATH} username={me.username}>
        <FloorScreen slots={SUPERVISOR_SLOTS} scope={scope} />
      </ActionsHost>
    </FloorThresholds>
  )
}
