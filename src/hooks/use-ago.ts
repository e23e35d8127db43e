import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { agoParts } from '@/lib/format'

/** "12 秒前" / "12 s ago" for a duration in ms. */
export function useAgo(): (ms: number) => string {
  const { t } = useTranslation()
  return useCallback(
    (ms: number) => {
      const { unit, count } = agoParts(ms)
      return t(`time.${unit}`, { count })
    },
    [t],
  )
}
