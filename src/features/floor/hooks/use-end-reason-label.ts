import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Messages } from '@/locales/zh'

type EndReason = keyof Messages['endReasons']

// QueueAbandon is the seed's; the others are what the simulator sends (and what the platform
// is expected to send; ForceDrop after a supervisor hangs a call up); anything else passes
// through untranslated.
const KNOWN: readonly string[] = [
  'QueueAbandon',
  'AgentHangup',
  'CustomerHangup',
  'NoAnswer',
  'ForceDrop',
] satisfies EndReason[]

function isKnown(value: string): value is EndReason {
  return KNOWN.includes(value)
}

/** Translates the end reasons the seed names; others show as the platform wrote them. */
export function useEndReasonLabel(): (reason: string) => string {
  const { t } = useTranslation()
  return useCallback(
    (reason: string) => (isKnown(reason) ? t(`endReasons.${reason}`) : reason),
    [t],
  )
}
