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
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        columnGap: '1.2vw',
        rowGap: '0.4vh',
        px: '1vw',
        py: '0.5vh',
        borderRadius: 1,
        border: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        borderLeft: waiting ? '0.6vh solid' : undefined,
        borderLeftColor: waiting ? 'error.main' : undefined,
        fontSize: 'max(13px, min(2.1vh, 1.3vw))',
        lineHeight: 1.25,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: '0.6vh', fontWeight: 600 }}>
        <PhoneCallbackRounded
          aria-hidden
          sx={{ fontSize: 'max(20px, 3vh)', color: waiting ? 'error.main' : 'text.secondary' }}
        />
        {t('wall.callBacks')}
        <Box
          component="span"
          data-count
          sx={{
            ml: '0.4vw',
            fontSize: 'max(20px, min(3.4vh, 2.2vw))',
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
        <Box
          component="ol"
          sx={{ display: 'flex', flexWrap: 'wrap', gap: '0.8vw', listStyle: 'none', m: 0, p: 0 }}
        >
          {shown.map((caller) => (
            <Box
              component="li"
              key={caller.phone}
              sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
            >
              <Box component="span" sx={{ fontWeight: 700 }}>
                {maskPhone(caller.phone)}
              </Box>
              <Box component="span" sx={{ color: 'text.secondary', ml: '0.4vw' }}>
                {t('wall.callBacksTries', { count: caller.attempts })}
              </Box>
            </Box>
          ))}
        </Box>
      )}
      <Box
        component="span"
        sx={{ ml: 'auto', color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
      >
        {t('wall.callBacksReached', { reached: c.reachedAgain, abandoned: c.abandonedToday })}
      </Box>
    </Box>
  )
}
