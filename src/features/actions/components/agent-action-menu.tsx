import InfoOutlined from '@mui/icons-material/InfoOutlined'
import ManageAccountsRounded from '@mui/icons-material/ManageAccountsRounded'
import Box from '@mui/material/Box'
import Divider from '@mui/material/Divider'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { type ActionOp, CALL_OPS, OFFERED_OPS } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import { localPart } from '@/lib/format'
import { presenceRequests } from '@/lib/presence-requests'
import { useActions } from '../hooks/use-actions'
import { useOpAvailability } from '../hooks/use-op-availability'
import { useUnavailableText } from '../hooks/use-unavailable-text'
import { ActionMenuItem } from './action-menu-item'
import { PresenceItems } from './presence-items'
import { StopListeningItem } from './stop-listening-item'

/** Where the menu opens: at the pointer, or beside an element (keyboard). */
export type ActionMenuAnchor =
  { kind: 'point'; top: number; left: number } | { kind: 'element'; element: HTMLElement }

interface AgentActionMenuProps {
  agent: AgentView
  anchor: ActionMenuAnchor
  open: boolean
  onClose: () => void
  /** Opens the agent's details. */
  onDetails: () => void
  /** The agent is past a threshold (its breach may be snoozed). */
  overTime?: boolean | undefined
}

/**
 * The tile's menu: the agent's details, the call operations, the state operations. Arrow keys
 * move, Enter runs, Escape closes; what does not fit the agent now is greyed with the reason.
 */
export function AgentActionMenu({
  agent,
  anchor,
  open,
  onClose,
  onDetails,
  overTime = false,
}: AgentActionMenuProps) {
  const { t } = useTranslation()
  // The other leads see this lead looking at the agent while the menu is open.
  useEffect(() => {
    if (!open) return
    presenceRequests().menu(agent.id, true)
    return () => presenceRequests().menu(agent.id, false)
  }, [open, agent.id])
  const { phone, profilePath, username, request } = useActions()
  const ops = useOpAvailability(agent, OFFERED_OPS)
  const unavailableText = useUnavailableText()
  const name = agent.name ?? localPart(agent.id)
  const select = (op: ActionOp) => {
    onClose()
    request(agent, op)
  }
  const item = ({ op, availability }: (typeof ops)[number]) => (
    <ActionMenuItem
      key={op}
      op={op}
      unavailable={availability.enabled ? null : unavailableText(availability.reason, agent)}
      onSelect={select}
    />
  )
  const profileIncomplete = !phone.deviceId || !phone.phoneNumber
  const listening =
    agent.callId !== null &&
    username !== null &&
    (agent.monitors ?? []).some((m) => m.op === 'listen' && m.by === username)
  return (
    <Menu
      open={open}
      onClose={onClose}
      {...(anchor.kind === 'point'
        ? {
            anchorReference: 'anchorPosition' as const,
            anchorPosition: { top: anchor.top, left: anchor.left },
          }
        : { anchorEl: anchor.element })}
      slotProps={{
        list: { disabledItemsFocusable: true, 'aria-label': t('actions.menuLabel', { name }) },
        paper: { sx: { minWidth: 220 } },
      }}
    >
      <MenuHeader agent={agent} name={name} />
      <MenuItem onClick={onDetails}>
        <ListItemIcon>
          <InfoOutlined fontSize="small" />
        </ListItemIcon>
        <ListItemText>{t('actions.details')}</ListItemText>
      </MenuItem>
      <PresenceItems agent={agent} overTime={overTime} onClose={onClose} />
      <Divider />
      {ops.filter(({ op }) => CALL_OPS.includes(op)).map(item)}
      {listening && <StopListeningItem agent={agent} onSelect={select} />}
      <Divider />
      {ops.filter(({ op }) => !CALL_OPS.includes(op)).map(item)}
      {profileIncomplete && <Divider />}
      {profileIncomplete && (
        <MenuItem component={Link} to={profilePath} onClick={onClose}>
          <ListItemIcon>
            <ManageAccountsRounded fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('actions.completeProfile')}</ListItemText>
        </MenuItem>
      )}
    </Menu>
  )
}

/** Not an item: the keyboard skips it (`muiSkipListHighlight`), screen readers read it. */
const MenuHeader = Object.assign(
  function MenuHeader({ agent, name }: { agent: AgentView; name: string }) {
    const { t } = useTranslation()
    return (
      <Box component="li" role="presentation" sx={{ px: 2, pt: 0.5, pb: 1, maxWidth: 280 }}>
        <Typography sx={{ fontWeight: 600 }} noWrap>
          {name}
          <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400, ml: 1 }}>
            {localPart(agent.id)}
          </Box>
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }} noWrap>
          {t(`states.${agent.acState}`)}
        </Typography>
      </Box>
    )
  },
  { muiSkipListHighlight: true },
)
