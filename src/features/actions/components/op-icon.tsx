import CallEndRounded from '@mui/icons-material/CallEndRounded'
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded'
import GroupAddRounded from '@mui/icons-material/GroupAddRounded'
import HeadsetOffRounded from '@mui/icons-material/HeadsetOffRounded'
import HeadsetRounded from '@mui/icons-material/HeadsetRounded'
import PauseCircleRounded from '@mui/icons-material/PauseCircleRounded'
import PhoneForwardedRounded from '@mui/icons-material/PhoneForwardedRounded'
import PowerSettingsNewRounded from '@mui/icons-material/PowerSettingsNewRounded'
import type { SvgIconProps } from '@mui/material/SvgIcon'
import type { ActionOp } from '@/shared/actions'

const ICONS = {
  listen: HeadsetRounded,
  'stop-listen': HeadsetOffRounded,
  join: GroupAddRounded,
  take: PhoneForwardedRounded,
  drop: CallEndRounded,
  ready: CheckCircleRounded,
  'not-ready': PauseCircleRounded,
  logout: PowerSettingsNewRounded,
} satisfies Record<ActionOp, unknown>

/** The icon of an operation, the same in the menu, the drawer and the dialogs. */
export function OpIcon({ op, ...props }: { op: ActionOp } & SvgIconProps) {
  const Icon = ICONS[op]
  return <Icon aria-hidden {...props} />
}
