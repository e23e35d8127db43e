import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { STATE_REASONS } from '@/shared/ac-state'

type Reason = (typeof STATE_REASONS)[number]

function isKnownReason(value: string): value is Reason {
  return (STATE_REASONS as readonly string[]).includes(value)
}

/** Translates the platform's state-change reasons; others pass through as the platform wrote them. */
export function useReasonLabel(): (reason: string) => string {
  const { t } = useTranslation()
  return useCallback(
    (reason: string) => (isKnownReason(reason) ? t(`reasons.${reason}`) : reason),
    [t],
  )
}
