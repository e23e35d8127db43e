import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgentView } from '@/shared/floor'
import type { UnavailableReason } from '../utils/op-availability'

/** Why an operation is not offered, in a sentence of the current language. */
export function useUnavailableText(): (reason: UnavailableReason, agent: AgentView) => string {
  const { t } = useTranslation()
  return useCallback(
    (reason: UnavailableReason, agent: AgentView) => {
      switch (reason.code) {
        case 'pending':
          return t('actions.unavailable.pending', { op: t(`actions.ops.${reason.op}`) })
        case 'notInCall':
          return t('actions.unavailable.notInCall', { state: t(`states.${agent.acState}`) })
        case 'loggedOut':
          return t('actions.unavailable.loggedOut')
        case 'alreadyReady':
          return t('actions.unavailable.alreadyReady')
        case 'alreadyNotReady':
          return t('actions.unavailable.alreadyNotReady')
        case 'noExtension':
          return t('actions.unavailable.noExtension')
        case 'profileIncomplete':
          return reason.field === 'deviceId'
            ? t('actions.unavailable.noDeviceId')
            : t('actions.unavailable.noPhoneNumber')
      }
    },
    [t],
  )
}
