import { type Permission, can } from '@/shared/auth'
import { useCurrentUser } from './use-current-user'

/** Whether the signed-in role holds a power: controls it does not are not shown at all. */
export function useCan(permission: Permission): boolean {
  return can(useCurrentUser().role, permission)
}
