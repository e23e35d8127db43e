import { AuditPage } from '@/features/admin/components/audit-page'
import { useCan } from '@/features/auth/hooks/use-can'
import { ForbiddenRoute } from './forbidden'

/** `/admin/audit`: the log of supervisor actions (admins). */
export function AdminAuditRoute() {
  if (!useCan('viewAudit')) return <ForbiddenRoute />
  return <AuditPage />
}
