import AccessTimeFilledRounded from '@mui/icons-material/AccessTimeFilledRounded'
import ReportRounded from '@mui/icons-material/ReportRounded'
import type { SvgIconProps } from '@mui/material/SvgIcon'
import type { Breach } from '@/shared/settings'

/**
 * A shape per breach level, so amber and red differ without colour: a clock for "getting
 * long", a stop sign with an exclamation mark for "too long". Nothing within the thresholds.
 */
export function BreachIcon({ breach, ...props }: { breach: Breach } & SvgIconProps) {
  if (breach === 'ok') return null
  const Icon = breach === 'red' ? ReportRounded : AccessTimeFilledRounded
  return <Icon aria-hidden data-breach-icon={breach} {...props} />
}
