import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { type AuditPage, auditPageSchema } from '@/shared/audit'
import { apiRequest } from '@/lib/api-client'
import { type AuditRequest, auditSearch } from '../utils/audit-filters'

/** One page of the tenant's audit log, newest first, with the number of matching entries. */
export function getAudit(query: AuditRequest, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest(`/api/audit?${auditSearch(query, { paging: true })}`, {
    schema: auditPageSchema,
    signal,
  })
}

/**
 * Where the CSV of every entry matching the query downloads from, its headers and labels in
 * the screen's language.
 */
export function auditCsvUrl(query: AuditRequest, lang: 'zh' | 'en'): string {
  const search = auditSearch(query, { paging: false })
  return `/api/audit.csv?${search ? `${search}&` : ''}lang=${lang}`
}

export function auditQueryOptions(query: AuditRequest) {
  return queryOptions({
    queryKey: ['admin', 'audit', query] as const,
    queryFn: ({ signal }) => getAudit(query, signal),
    staleTime: 0, // every visit shows the latest actions
    placeholderData: keepPreviousData, // the old page stays while the next one loads
  })
}

export function useAudit(query: AuditRequest) {
  return useQuery(auditQueryOptions(query))
}
