import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { type KioskLinkView, kioskLinkSchema } from '@/shared/admin'
import { apiRequest } from '@/lib/api-client'

export function getKiosks(signal?: AbortSignal): Promise<KioskLinkView[]> {
  return apiRequest('/api/kiosks', { schema: z.array(kioskLinkSchema), signal })
}

export const KIOSKS_QUERY_KEY = ['admin', 'kiosks'] as const

const KIOSKS_STALE_MS = 10_000 // "last used" moves while screens run
// While the list is open it asks again this often, so a screen that just opened its link shows
// as used without a reload.
const KIOSKS_REFETCH_MS = 15_000

export function kiosksQueryOptions() {
  return queryOptions({
    queryKey: KIOSKS_QUERY_KEY,
    queryFn: ({ signal }) => getKiosks(signal),
    staleTime: KIOSKS_STALE_MS,
    refetchInterval: KIOSKS_REFETCH_MS,
  })
}

/** The tenant's wall-screen links, revoked ones included. */
export function useKiosks() {
  return useQuery(kiosksQueryOptions())
}
