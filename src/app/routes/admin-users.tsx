import { UsersPage } from '@/features/admin/components/users-page'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'

export function AdminUsersRoute() {
  return <UsersPage currentUserId={useCurrentUser().id} />
}
