import { useTranslation } from 'react-i18next'
import { useTick } from '@/hooks/use-tick'
import { formatElapsed, formatElapsedShort } from '@/lib/format'
import { floorClock, isLive } from '../stores/connection-status'
import { useFloorStore } from '../stores/floor-store'

const STOPPED_OPACITY = 0.55 // a stopped timer reads as not live, still legible

/**
 * Time in state, corrected by the server clock offset. The only part of a tile that changes
 * every second: it re-renders on the shared tick, and on a batch only if its text changed.
 * `approx`: the platform sent no usable state change time, so the timer counts from when the
 * event was sent or received; it is marked "≈" and says so on hover and to screen readers.
 * While the link is down it stops at the last moment the relay was heard, dimmed.
 * `short`: past an hour, hours and minutes only (`3h01`), for the wall's small tiles.
 */
export function StateTimer({
  since,
  approx = false,
  short = false,
  className,
}: {
  since: number
  approx?: boolean | undefined
  short?: boolean
  className?: string
}) {
  const { t } = useTranslation()
  const now = useTick()
  const format = short ? formatElapsedShort : formatElapsed
  const text = useFloorStore((s) => format(floorClock(s, now) - since))
  const live = useFloorStore((s) => isLive(s.status))
  const style = live ? undefined : { opacity: STOPPED_OPACITY }
  if (!approx) {
    return (
      <span className={className} role="timer" data-live={live} style={style}>
        {text}
      </span>
    )
  }
  const hint = t('approxTime.hint')
  return (
    <span
      className={className}
      role="timer"
      title={hint}
      aria-label={t('approxTime.timerLabel', { time: text, hint })}
      data-approx
      data-live={live}
      style={style}
    >
      {t('approxTime.mark')}
      {text}
    </span>
  )
}
