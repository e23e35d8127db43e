import { CallsPage } from '@/features/calls/components/calls-page'
import { useCan } from '@/features/auth/hooks/use-can'
import { ForbiddenRoute } from './forbidden'

/** `/calls` (loaded on demand: the grid and the date pickers stay out of the floor's bundle). */
export function CallsRoute() {
  const allowed = useCan('browseCalls')
  return allowed ? <CallsPage /> : <ForbiddenRoute />
}
