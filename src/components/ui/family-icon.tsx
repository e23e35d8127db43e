import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded'
import DoNotDisturbOnRounded from '@mui/icons-material/DoNotDisturbOnRounded'
import EditNoteRounded from '@mui/icons-material/EditNoteRounded'
import PauseCircleRounded from '@mui/icons-material/PauseCircleRounded'
import PhoneInTalkRounded from '@mui/icons-material/PhoneInTalkRounded'
import PowerSettingsNewRounded from '@mui/icons-material/PowerSettingsNewRounded'
import RingVolumeRounded from '@mui/icons-material/RingVolumeRounded'
import type { SvgIconProps } from '@mui/material/SvgIcon'
import type { StateFamily } from '@/shared/ac-state'

/** One shape per family, so the state reads without colour (and in greyscale print-outs). */
export const FAMILY_ICONS: Record<StateFamily, typeof CheckCircleRounded> = {
  available: CheckCircleRounded,
  ringing: RingVolumeRounded,
  talking: PhoneInTalkRounded,
  hold: PauseCircleRounded,
  acw: EditNoteRounded,
  notReady: DoNotDisturbOnRounded,
  loggedOut: PowerSettingsNewRounded,
}

export function FamilyIcon({ family, ...props }: { family: StateFamily } & SvgIconProps) {
  const Icon = FAMILY_ICONS[family]
  return <Icon aria-hidden {...props} />
}
