import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { DEFAULT_DENSITY, DENSITIES, type Density } from '@/shared/preferences'
import { usePreferences } from '../api/get-preferences'
import { useUpdatePreferences } from '../api/update-preferences'

/** `?density=tiles|compact|table`: a link or a saved view may say how to show the floor. */
export const DENSITY_PARAM = 'density'

export function densityOf(raw: string | null | undefined): Density | null {
  return raw && (DENSITIES as readonly string[]).includes(raw) ? (raw as Density) : null
}

/**
 * How the floor draws its agents: the URL's choice (a shared link, a saved view), else the
 * user's own on the relay, else tiles. Choosing one puts it in the URL (so a view saved now
 * keeps it) and stores it as the user's preference (so the next visit opens with it).
 */
export function useDensity(): [Density, (density: Density) => void] {
  const [params, setParams] = useSearchParams()
  const preferences = usePreferences()
  const update = useUpdatePreferences()
  const density =
    densityOf(params.get(DENSITY_PARAM)) ?? preferences.data?.density ?? DEFAULT_DENSITY
  const { mutate } = update
  const choose = useCallback(
    (next: Density) => {
      setParams(
        (prev) => {
          const params = new URLSearchParams(prev)
          params.set(DENSITY_PARAM, next)
          return params
        },
        { replace: true },
      )
      mutate({ density: next })
    },
    [setParams, mutate],
  )
  return [density, choose]
}
