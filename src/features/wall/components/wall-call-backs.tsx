import PhoneCallbackRounded from '@mui/icons-material/PhoneCallbackRounded'
import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import type { CallBacks } from '@/shared/outbound'
import { maskPhone } from '../utils/mask-phone'

// The newest numbers a wall lists: enough to see who waits, few enough for one line.
const WALL_NUMBERS_MAX = 4

interface WallCallBacksProps {
  /** Today's abandoned callers; null before the first snapshot or from a relay without them. */
  callBacks: CallBacks | null
}

/**
 * The abandoned callers waiting for a call back, in one line across the room: how many, the
 * newest few numbers with their middle hidden, and how many the team reached again today.
 * Nothing to click: a wall is watched, not used.
 */
export function WallCallBacks({ callBacks: c }: WallCallBacksProps) {
  const { t } = useTranslation('wall')
  if (c === null) return null
  const shown = c.waiting.slice(0, WALL_NUMBERS_MAX)
  const waiting = c.waitingCount > 0
  return (
    <Box
      role="region"
      aria-label={t('wall.callBacksLabel')}
      data-wall-call-backs
      sx={{
        maxWidth: '100%',
        display: 'flex',
        alignItems: 'center',
        columnGap: '1.6vh',
        px: '1.2vh',
        py: '0.4vh',
        borderRadius: 1,
        border: 1,
        borderColor: waiting ? 'error.main' : 'divider',
        whiteSpace: 'nowrap',
        fontSize: 'max(12px, 1.9vh)',
        lineHeight: 1.25,
        // One line in the header: the numbers that do not fit its width are left out, newest kept.
        ...NUMBERS_BY_WIDTH,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: '0.6vh', fontWeight: 600 }}>
        <PhoneCallbackRounded
          aria-hidden
          sx={{ fontSize: 'max(18px, 2.6vh)', color: waiting ? 'error.main' : 'text.secondary' }}
        />
        {t('wall.callBacks')}
        <Box
          component="span"
          data-count
          sx={{
            ml: '0.4vh',
            fontSize: 'max(16px, 2.8vh)',
            fontWeight: 800,
            fontVariantNumeric: 'tabular-nums',
            color: waiting ? 'error.light' : 'text.primary',
          }}
        >
          {c.waitingCount}
        </Box>
      </Box>
      {shown.length === 0 ? (
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {t('wall.callBacksNone')}
        </Box>
      ) : (
        <Box component="ol" sx={{ display: 'flex', gap: '1.6vh', listStyle: 'none', m: 0, p: 0 }}>
          {shown.map((caller) => (
            <Box component="li" key={caller.phone} sx={{ fontVariantNumeric: 'tabular-nums' }}>
              <Box component="span" sx={{ fontWeight: 700 }}>
                {maskPhone(caller.phone)}
              </Box>
              <Box component="span" sx={{ color: 'text.secondary', ml: '0.6vh' }}>
                {t('wall.callBacksTries', { count: caller.attempts })}
              </Box>
            </Box>
          ))}
        </Box>
      )}
      <Box component="span" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
        {t('wall.callBacksReached', { reached: c.reachedAgain, abandoned: c.abandonedToday })}
      </Box>
    </Box>
  )
}

/*
 * The block sits in a size container (the header's free width): the label, the count and the
 * day's figure take about 40vh (type is sized by the screen's height), each number about 17vh
 * more. A number that would not fit is not drawn, rather than cut.
 */
const NUMBER_VH = 17
const BASE_VH = 42
const NUMBERS_BY_WIDTH = Object.fromEntries(
  Array.from({ length: WALL_NUMBERS_MAX }, (_, i) => [
    `@container (max-width: ${BASE_VH + (i + 1) * NUMBER_VH}vh)`,
    { [`& li:nth-of-type(${i + 1})`]: { display: 'none' } },
  ]),
)
