import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { type FloorView, floorViewParams, parseFloorView } from '../utils/floor-view'

export type UpdateFloorView = (patch: Partial<FloorView>, options?: { replace?: boolean }) => void

/** The floor's filters and sort, read from and written to the URL query string. */
export function useFloorView(): [FloorView, UpdateFloorView] {
  const [params, setParams] = useSearchParams()
  const query = params.toString()
  const view = useMemo(() => parseFloorView(new URLSearchParams(query)), [query])
  const update = useCallback<UpdateFloorView>(
    (patch, options) => {
      setParams((prev) => floorViewParams({ ...parseFloorView(prev), ...patch }, prev), {
        replace: options?.replace ?? false,
      })
    },
    [setParams],
  )
  return [view, update]
}
