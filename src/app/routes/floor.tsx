import { useMemo } from 'react'
import { ActionsHost } from '@/features/actions/components/actions-host'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import { FloorScreen } from '@/features/floor/components/floor-screen'
import { can } from '@/shared/auth'
import { ACTION_SLOTS } from '../floor-action-slots'
import { PROFILE_PATH } from '../paths'

/** The floor; supervisors and admins get the actions on each agent, viewers only watch. */
export function FloorRoute() {
  const me = useCurrentUser()
  const phone = useMemo(
    () => ({ deviceId: me.deviceId, phoneNumber: me.phoneNumber }),
    [me.deviceId, me.phoneNumber],
  )
  if (!can(me.role, 'act')) return <FloorScreen />
  return (
    <ActionsHost phone={phone} profilePath={PROFILE_PATH}>
      <FloorScreen slots={ACTION_SLOTS} />
    </ActionsHost>
  )
}
