import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'
import { type TodayFigures, todayFiguresSchema } from '@/shared/floor'

/** The part of the floor figures are asked for: skill group ids and department keys. */
export interface FiguresFilter {
  skills: readonly string[]
  depts: readonly string[]
}

export function getFigures(filter: FiguresFilter, signal?: AbortSignal): Promise<TodayFigures> {
  const params = new URLSearchParams()
  for (const skill of filter.skills) params.append('skill', skill)
  for (const dept of filter.depts) params.append('dept', dept)
  return apiRequest(`/api/figures?${params.toString()}`, { schema: todayFiguresSchema, signal })
}

export const FIGURES_QUERY_KEY = ['floor', 'figures'] as const

export function figuresQueryOptions(filter: FiguresFilter) {
  return queryOptions({
    queryKey: [...FIGURES_QUERY_KEY, [...filter.skills].sort(), [...filter.depts].sort()],
    queryFn: ({ signal }) => getFigures(filter, signal),
    // While the next filter's figures load, the previous ones stay (dimmed by the caller).
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

/** Today's figures for a filtered floor; `enabled: false` while nothing is filtered. */
export function useFilteredFigures(filter: FiguresFilter, enabled: boolean) {
  return useQuery({ ...figuresQueryOptions(filter), enabled })
}
