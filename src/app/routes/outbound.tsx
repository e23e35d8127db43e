import { useCan } from '@/features/auth/hooks/use-can'
import { OutboundPage } from '@/features/outbound/components/outbound-page'
import { ForbiddenRoute } from './forbidden'

/** `/outbound`: supervisors and admins (others get the 403 page). */
export function OutboundRoute() {
  const allowed = useCan('callOut')
  return allowed ? <OutboundPage /> : <ForbiddenRoute />
}
