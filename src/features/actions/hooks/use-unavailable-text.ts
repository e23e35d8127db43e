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
        case 'profileIncomplete':
          return reason.field === 'deviceId'
            ? t('actions.unavailable.noDeviceId')
            : t('actions.unavailable.noPhoneNumber')
        // The agent's state: the relay's own code (`stateConflict`).
        case 'not_in_call':
        case 'logged_out':
        case 'already_ready':
        case 'already_not_ready':
        case 'no_extension':
          return t(`actions.unavailable.${reason.code}`, {
            state: t(`states.${agent.acState}`),
          })
      }
    },
    [t],
  )
}
