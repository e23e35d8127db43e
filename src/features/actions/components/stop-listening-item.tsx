import { useTranslation } from 'react-i18next'
import type { ActionOp } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import { useActions } from '../hooks/use-actions'
import { useUnavailableText } from '../hooks/use-unavailable-text'
import { usePendingAction } from '../stores/pending-store'
import { opAvailability } from '../utils/op-availability'
import { ActionMenuItem } from './action-menu-item'

/**
 * "Stop listening", shown while the lead listens to the agent's call: the relay drops the
 * lead's own listening leg and the call goes on. Without an extension in the profile the
 * relay cannot name the leg: the item is greyed and says to hang up instead.
 */
export function StopListeningItem({
  agent,
  onSelect,
}: {
  agent: AgentView
  onSelect: (op: ActionOp) => void
}) {
  const { t } = useTranslation()
  const { phone } = useActions()
  const pending = usePendingAction(agent.id)?.op ?? null
  const availability = opAvailability('stop-listen', agent, phone, pending)
  const unavailableText = useUnavailableText()
  const unavailable = availability.enabled
    ? null
    : availability.reason.code === 'profileIncomplete'
      ? t('actionsListen.stopHowNoDevice')
      : unavailableText(availability.reason, agent)
  return <ActionMenuItem op="stop-listen" unavailable={unavailable} onSelect={onSelect} />
}
