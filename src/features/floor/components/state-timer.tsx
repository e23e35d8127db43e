import { useTranslation } from 'react-i18next'
import { useTick } from '@/hooks/use-tick'
import { formatElapsed } from '@/lib/format'
import { useFloorStore } from '../stores/floor-store'

/**
 * Time in state, corrected by the server clock offset. The only part of a tile that changes
 * every second: it re-renders on the shared tick, and on a batch only if its text changed.
 * `approx`: the platform sent no usable state change time, so the timer counts from when the
 * event was sent or received; it is marked "≈" and says so on hover and to screen readers.
 */
export function StateTimer({
  since,
  approx = false,
  className,
}: {
  since: number
  approx?: boolean | undefined
  className?: string
}) {
  const { t } = useTranslation()
  const now = useTick()
  const text = useFloorStore((s) => formatElapsed(now + s.offset - since))
  if (!approx) {
    return (
      <span className={className} role="timer">
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
    >
      {t('approxTime.mark')}
      {text}
    </span>
  )
}
