import { useTick } from '@/hooks/use-tick'
import { formatElapsed } from '@/lib/format'
import { useFloorStore } from '../stores/floor-store'

/**
 * Time in state, corrected by the server clock offset. The only part of a tile that changes
 * every second: it re-renders on the shared tick, and on a batch only if its text changed.
 */
export function StateTimer({ since, className }: { since: number; className?: string }) {
  const now = useTick()
  const text = useFloorStore((s) => formatElapsed(now + s.offset - since))
  return (
    <span className={className} role="timer">
      {text}
    </span>
  )
}
