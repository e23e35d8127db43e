import { useCallback, useEffect, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import {
  type ListSearch,
  defaultRange,
  listSearchParams,
  parseListSearch,
} from '../utils/list-search'

export type UpdateSearch = (patch: Partial<ListSearch>, options?: { replace?: boolean }) => void

/**
 * The page's view, read from and written to its URL. A URL without a range gets today's at
 * once (replacing it, so back does not return to the empty one): the URL always holds the
 * whole query.
 */
export function useListSearch(): [ListSearch, UpdateSearch] {
  const [params, setParams] = useSearchParams()
  const search = useMemo(() => parseListSearch(params), [params])
  const update = useCallback<UpdateSearch>(
    (patch, options) =>
      setParams((prev) => listSearchParams({ ...parseListSearch(prev), ...patch }), options),
    [setParams],
  )
  const missingRange = search.from === '' && search.to === ''
  useEffect(() => {
    if (missingRange) update(defaultRange(Date.now()), { replace: true })
  }, [missingRange, update])
  return [search, update]
}
