import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { STATE_REASONS } from '@/shared/ac-state'
import type { TimelineSegment } from '@/shared/timeline'
import { formatClock } from '@/lib/format'
import { durationText } from '../utils/totals'

export interface SegmentText {
  state: string
  family: string
  from: string
  to: string
  duration: string
  reason: string | null
  /** Everything above in one sentence, for screen readers. */
  label: string
}

function isKnownReason(value: string): value is (typeof STATE_REASONS)[number] {
  return (STATE_REASONS as readonly string[]).includes(value)
}

/** A segment in words, in the page's language and platform time. */
export function useSegmentText(): (segment: TimelineSegment, live: boolean) => SegmentText {
  const { t } = useTranslation()
  return useCallback(
    (segment, live) => {
      const state = t(`states.${segment.acState}`)
      const from = formatClock(segment.from)
      const to = live ? t('timeline.now') : formatClock(segment.to)
      const duration = durationText((segment.to - segment.from) / 1000, t)
      const reason = segment.reason
        ? isKnownReason(segment.reason)
          ? t(`reasons.${segment.reason}`)
          : segment.reason
        : null
      const label = [
        t('timeline.segmentLabel', { state, from, to, duration }),
        reason ? t('timeline.reasonLine', { reason }) : null,
      ]
        .filter(Boolean)
        .join(t('timeline.separator'))
      return { state, family: t(`families.${segment.family}`), from, to, duration, reason, label }
    },
    [t],
  )
}
