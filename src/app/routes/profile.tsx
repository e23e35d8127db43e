import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { ME_QUERY_KEY } from '@/features/auth/api/get-me'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import { ProfilePage } from '@/features/profile/components/profile-page'
import type { Me } from '@/shared/auth'
import { can } from '@/shared/auth'

/** `/profile`: the signed-in user's own phone; saving refreshes who the app thinks they are. */
export function ProfileRoute() {
  const me = useCurrentUser()
  const queryClient = useQueryClient()
  const onSaved = useCallback(
    (next: Me) => queryClient.setQueryData(ME_QUERY_KEY, next),
    [queryClient],
  )
  return <ProfilePage me={me} canAct={can(me.role, 'act')} onSaved={onSaved} />
}
