import GroupAddRounded from '@mui/icons-material/GroupAddRounded'
import HeadsetRounded from '@mui/icons-material/HeadsetRounded'
import type { Monitor } from '@/shared/floor'

interface TileMonitorsProps {
  monitors: readonly Monitor[]
  /** Every monitor in words ("lead 监听中, ann 已强插"), shown on hover. */
  label: string
}

/** A headset (or join) icon with the first supervisor's name, and "+n" for the others. */
export function TileMonitors({ monitors, label }: TileMonitorsProps) {
  const first = monitors[0]
  if (!first) return null
  const Icon = monitors.some((m) => m.op === 'join') ? GroupAddRounded : HeadsetRounded
  return (
    <span className="tile-monitors" title={label}>
      <Icon className="tile-small-icon" aria-hidden />
      <span className="tile-ellipsis">{first.by}</span>
      {monitors.length > 1 && <span>+{monitors.length - 1}</span>}
    </span>
  )
}
