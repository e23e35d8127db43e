import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Monitor } from '@/shared/floor'

/** "lead 监听中" / "lead joined": who is on the agent's call, and how. */
export function useMonitorLabel(): (monitor: Monitor) => string {
  const { t } = useTranslation()
  return useCallback(
    (m: Monitor) =>
      m.op === 'listen' ? t('monitors.listen', { by: m.by }) : t('monitors.join', { by: m.by }),
    [t],
  )
}
