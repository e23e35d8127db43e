import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { type AuditFilters, auditFiltersParams, parseAuditFilters } from '../utils/audit-filters'

/**
 * The audit page's filters, read from and written to the URL. A change of filter goes back to
 * the first page; paging alone keeps the filters.
 */
export function useAuditFilters(
  timeZone: string,
): [AuditFilters, (patch: Partial<AuditFilters>) => void] {
  const [params, setParams] = useSearchParams()
  const search = params.toString()
  const filters = useMemo(
    () => parseAuditFilters(new URLSearchParams(search), timeZone),
    [search, timeZone],
  )
  const update = useCallback(
    (patch: Partial<AuditFilters>) => {
      setParams(
        (prev) => {
          const current = parseAuditFilters(prev, timeZone)
          const paging = Object.keys(patch).every((k) => k === 'page' || k === 'pageSize')
          const page = patch.page ?? (paging && patch.pageSize === undefined ? current.page : 0)
          return auditFiltersParams({ ...current, ...patch, page })
        },
        { replace: true },
      )
    },
    [setParams, timeZone],
  )
  return [filters, update]
}
