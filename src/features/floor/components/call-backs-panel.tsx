import PhoneCallbackRounded from '@mui/icons-material/PhoneCallbackRounded'
import PhoneForwardedRounded from '@mui/icons-material/PhoneForwardedRounded'
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { type FocusEvent, memo, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AbandonedCaller, CallBacks } from '@/shared/outbound'
import { CallBackButton } from '@/components/ui/call-back-slot'
import { RepeatCallerFlag } from '@/components/ui/repeat-caller-flag'
import { RelativeTime } from '@/components/ui/relative-time'
import { useSkillName } from '@/hooks/use-skill-names'
import { formatClock } from '@/lib/format'
import { useHeldOrder } from '../hooks/use-held-order'
import { useFloorStore } from '../stores/floor-store'
import { SectionTitle } from './section-title'

// The list scrolls past about five rows, so the latest calls below keep their room.
const LIST_MAX_HEIGHT = 220 // px

/** "8 分钟" / "8 min": how soon abandoned callers were reached, to the minute past one. */
export function useReachTime(): (sec: number) => string {
  const { t } = useTranslation()
  return useCallback(
    (sec: number) => {
      if (sec < 60) return t('callBacks.seconds', { count: Math.round(sec) })
      const minutes = Math.round(sec / 60)
      if (minutes < 60) return t('callBacks.minutes', { count: minutes })
      return t('callBacks.hours', { count: Math.floor(minutes / 60), minutes: minutes % 60 })
    },
    [t],
  )
}

/** "今日放弃 12 人 · 已回访 5 · 中位 8 分钟": the day's figures of the abandoned callers. */
export function useCallBacksSummary(): (c: CallBacks) => string {
  const { t } = useTranslation()
  const reach = useReachTime()
  return useCallback(
    (c: CallBacks) => {
      const parts = [
        t('callBacks.summary', { abandoned: c.abandonedToday, reached: c.reachedAgain }),
      ]
      if (c.medianReachSec !== null)
        parts.push(t('callBacks.median', { time: reach(c.medianReachSec) }))
      return parts.join(' · ')
    },
    [t, reach],
  )
}

/**
 * Today's abandoned callers nobody has reached yet, the latest first: how often they tried, how
 * long ago, in which queue, whether someone is calling them back, and the control to do it.
 */
export function CallBacksSection() {
  const { t } = useTranslation()
  const loaded = useFloorStore((s) => s.loaded)
  const callBacks = useFloorStore((s) => s.callBacks)
  const summary = useCallBacksSummary()
  // On a busy day a caller abandons every few seconds and the newest comes first: while the
  // lead points at or works in the list, its rows keep their places (a row reached still
  // leaves), so the button under the pointer stays the one they meant.
  const [pointerIn, setPointerIn] = useState(false)
  const [focusIn, setFocusIn] = useState(false)
  const live = useMemo(() => callBacks?.waiting.map((c) => c.phone) ?? [], [callBacks])
  const { ids } = useHeldOrder(live, pointerIn || focusIn, null)
  const rows = useMemo(() => {
    const byPhone = new Map(callBacks?.waiting.map((c) => [c.phone, c]))
    return ids.flatMap((phone) => byPhone.get(phone) ?? [])
  }, [ids, callBacks])
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setFocusIn(false)
  }
  // A relay that keeps no list sends none: nothing to show.
  if (!loaded || callBacks === null) return null
  const hidden = callBacks.waitingCount - callBacks.waiting.length
  return (
    <Box
      component="section"
      aria-labelledby="call-backs-title"
      sx={{ px: 2, pt: 1.5, pb: 1, borderTop: 1, borderColor: 'divider' }}
    >
      <SectionTitle id="call-backs-title" aside={summary(callBacks)}>
        {t('callBacks.title')}
      </SectionTitle>
      {callBacks.waiting.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary', py: 1, textAlign: 'center' }}>
          {t('callBacks.empty')}
        </Typography>
      ) : (
        <>
          <Typography
            variant="caption"
            component="p"
            sx={{ color: 'text.secondary', mt: -0.5, mb: 0.5 }}
          >
            {t('callBacks.waiting', { count: callBacks.waitingCount })}
          </Typography>
          <Box
            // A long list scrolls here; a keyboard can reach and scroll it too.
            role="region"
            aria-label={t('callBacks.listLabel')}
            tabIndex={0}
            onPointerEnter={() => setPointerIn(true)}
            onPointerLeave={() => setPointerIn(false)}
            onFocus={() => setFocusIn(true)}
            onBlur={onBlur}
            sx={{
              maxHeight: LIST_MAX_HEIGHT,
              overflow: 'auto',
              mx: -1,
              borderRadius: 0.5,
              '&:focus-visible': {
                outline: '2px solid',
                outlineColor: 'primary.main',
                outlineOffset: -2,
              },
            }}
          >
            <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {rows.map((caller) => (
                <CallerRow key={caller.phone} caller={caller} />
              ))}
            </Box>
          </Box>
          {hidden > 0 && (
            <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>
              {t('callBacks.more', { count: hidden })}
            </Typography>
          )}
        </>
      )}
    </Box>
  )
}

const CallerRow = memo(function CallerRow({ caller }: { caller: AbandonedCaller }) {
  const { t } = useTranslation()
  const skillName = useSkillName()
  // The relay's times are on its clock: shown against ours, corrected by the difference.
  const offset = useFloorStore((s) => s.offset)
  const attempts = t('callBacks.attempts', { count: caller.attempts })
  const busy = caller.callingBack
  return (
    <Box
      component="li"
      data-phone={caller.phone}
      aria-label={t('callBacks.row', {
        phone: caller.phone,
        attempts: t('callBacks.attemptsLong', { count: caller.attempts }),
        time: formatClock(caller.lastAt),
      })}
      sx={{
        '& + li': { borderTop: '1px solid', borderTopColor: 'divider' },
        borderLeft: 3,
        borderColor: busy ? 'primary.main' : 'error.main',
        display: 'grid',
        gridTemplateColumns: '20px minmax(0, 1fr) auto',
        columnGap: 1,
        rowGap: 0.25,
        alignItems: 'center',
        px: 1,
        py: 0.5,
        fontSize: '0.8125rem',
      }}
    >
      <PhoneCallbackRounded aria-hidden sx={{ fontSize: 18, color: 'error.main' }} />
      <Box
        sx={{ display: 'flex', alignItems: 'baseline', gap: 1, minWidth: 0, whiteSpace: 'nowrap' }}
      >
        <Box
          component="span"
          sx={{
            fontWeight: 600,
            fontVariantNumeric: 'tabular-nums',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
          title={caller.phone}
        >
          {caller.phone}
        </Box>
        <Box
          component="span"
          data-attempts={caller.attempts}
          sx={{
            flexShrink: 0,
            px: 0.75,
            borderRadius: 1,
            fontSize: '0.75rem',
            fontWeight: caller.attempts > 1 ? 700 : 500,
            color: caller.attempts > 1 ? 'error.main' : 'text.secondary',
            bgcolor: caller.attempts > 1 ? 'family.notReady.bg' : 'action.hover',
          }}
        >
          {attempts}
        </Box>
        {caller.callerCallsToday ? (
          <RepeatCallerFlag
            count={caller.callerCallsToday}
            number={caller.phone}
            at={caller.lastAt}
          />
        ) : null}
        <Box
          component="span"
          sx={{ flexShrink: 0, color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
        >
          <RelativeTime at={caller.lastAt - offset} />
        </Box>
      </Box>
      <Box sx={{ gridRow: '1 / 3', gridColumn: 3 }}>
        <CallBackButton customerPhone={caller.phone} forCallId={caller.lastCallId} variant="icon" />
      </Box>
      <Box
        sx={{
          gridColumn: 2,
          display: 'flex',
          flexWrap: 'wrap',
          columnGap: 1,
          minWidth: 0,
          fontSize: '0.75rem',
          color: 'text.secondary',
        }}
      >
        {caller.skillId && (
          <span title={caller.skillId}>
            {t('callBacks.queue', { name: skillName(caller.skillId) })}
          </span>
        )}
        {busy && (
          <Box
            component="span"
            role="status"
            sx={{
              display: 'inline-flex',
              alignItems: 'center',
              gap: 0.5,
              color: 'primary.main',
              fontWeight: 600,
            }}
          >
            <PhoneForwardedRounded aria-hidden sx={{ fontSize: 14 }} />
            {t('callBacks.callingBack', { by: busy.by, time: formatClock(busy.since) })}
          </Box>
        )}
      </Box>
    </Box>
  )
})
