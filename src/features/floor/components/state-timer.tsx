import { useTick } from '@/hooks/use-tick'
import { formatElapsed } from '@/lib/format'
import { floorClock, isLive } from '../stores/connection-status'
import { useFloorStore } from '../stores/floor-store'

const STOPPED_OPACITY = 0.55 // a stopped timer reads as not live, still legible

/**
 * Time in state, corrected by the server clock offset. The only part of a tile that changes
 * every second: it re-renders on the shared tick, and on a batch only if its text changed.
 * While the link is down it stops at the last moment the relay was heard, dimmed.
 */
export function StateTimer({ since, className }: { since: number; className?: string }) {
  const now = useTick()
  const text = useFloorStore((s) => formatElapsed(floorClock(s, now) - since))
  const live = useFloorStore((s) => isLive(s.status))
  return (
    <span
      className={className}
      role="timer"
      data-live={live}
      style={live ? undefined : { opacity: STOPPED_OPACITY }}
    >
      {text}
    </span>
  )
}
