import AlarmOnRounded from '@mui/icons-material/AlarmOnRounded'
import AssignmentIndRounded from '@mui/icons-material/AssignmentIndRounded'
import AssignmentReturnRounded from '@mui/icons-material/AssignmentReturnRounded'
import SnoozeRounded from '@mui/icons-material/SnoozeRounded'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import MenuItem from '@mui/material/MenuItem'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { presenceRequests } from '@/lib/presence-requests'
import { usePresenceStore } from '@/lib/presence-store'
import type { AgentView } from '@/shared/floor'
import type { PresenceAnswer } from '@/shared/presence'
import { useActions } from '../hooks/use-actions'

interface PresenceItemsProps {
  agent: AgentView
  /** The agent is past a threshold: its breach may be snoozed. */
  overTime: boolean
  onClose: () => void
}

/** "I'm on it" (or no longer), and snoozing the agent's breach (or ending the snooze). */
export function PresenceItems({ agent, overTime, onClose }: PresenceItemsProps) {
  const { t } = useTranslation()
  const { username, snooze, presenceAnswered } = useActions()
  const claimed = usePresenceStore(
    (s) =>
      s.byAgent[agent.id]?.entries.some((e) => e.kind === 'claimed' && e.by === username) ?? false,
  )
  const snoozed = usePresenceStore((s) => s.snoozed[agent.id] !== undefined)
  const send = (what: string, request: () => Promise<PresenceAnswer>) => {
    onClose()
    request().then(
      (answer) => presenceAnswered(what, answer),
      () => presenceAnswered(what, null),
    )
  }
  const requests = presenceRequests()
  return (
    <>
      {claimed ? (
        <Item
          icon={<AssignmentReturnRounded fontSize="small" />}
          text={t('presence.release')}
          onClick={() => send(t('presence.release'), () => requests.release(agent.id))}
        />
      ) : (
        <Item
          icon={<AssignmentIndRounded fontSize="small" />}
          text={t('presence.claim')}
          onClick={() => send(t('presence.claim'), () => requests.claim(agent.id))}
        />
      )}
      {snoozed ? (
        <Item
          icon={<AlarmOnRounded fontSize="small" />}
          text={t('presence.unsnooze')}
          onClick={() => send(t('presence.unsnooze'), () => requests.unsnooze(agent.id))}
        />
      ) : (
        <Item
          icon={<SnoozeRounded fontSize="small" />}
          text={t('presence.snooze')}
          hint={overTime ? undefined : t('presence.snoozeNotOverTime')}
          disabled={!overTime}
          onClick={() => {
            onClose()
            snooze(agent)
          }}
        />
      )}
    </>
  )
}

function Item(props: {
  icon: ReactNode
  text: string
  hint?: string | undefined
  disabled?: boolean
  onClick: () => void
}) {
  return (
    <MenuItem
      onClick={props.disabled ? undefined : props.onClick}
      disabled={props.disabled ?? false}
      sx={{ '&.Mui-disabled': { pointerEvents: 'auto' } }}
    >
      <ListItemIcon>{props.icon}</ListItemIcon>
      <ListItemText
        primary={props.text}
        secondary={props.hint}
        slotProps={{ secondary: { variant: 'caption', sx: { display: 'block' } } }}
      />
    </MenuItem>
  )
}
