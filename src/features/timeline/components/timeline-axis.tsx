import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { formatHourMinute } from '@/lib/format'
import { type StripRange, axisTicks } from '../utils/strip-layout'

const EDGE_GAP_PCT = 12 // a tick this close to the live edge gives way to its "now" label

/** Hours (or minutes) under the strip in platform time, and "now" at the live edge. */
export function TimelineAxis({ range }: { range: StripRange }) {
  const { t } = useTranslation()
  const span = range.to - range.from
  const ticks = axisTicks(range)
    .map((at) => ({ at, pct: ((at - range.from) / span) * 100 }))
    .filter((tick) => tick.pct <= 100 - EDGE_GAP_PCT)
  return (
    <Box
      aria-hidden
      sx={{
        position: 'relative',
        height: 20,
        mt: 0.25,
        fontSize: '0.6875rem',
        color: 'text.secondary',
        fontVariantNumeric: 'tabular-nums',
        whiteSpace: 'nowrap',
      }}
    >
      {ticks.map((tick, i) => (
        <Box
          key={tick.at}
          component="span"
          // Moves every second as the live edge does: inline, not a new class each time.
          style={{ left: `${tick.pct}%` }}
          sx={{
            position: 'absolute',
            top: 0,
            // The first label starts at the edge; the others centre on their tick.
            transform: i === 0 ? 'none' : 'translateX(-50%)',
            '&::before': {
              content: '""',
              position: 'absolute',
              top: -3,
              left: i === 0 ? 0 : '50%',
              height: 3,
              borderLeft: 1,
              borderColor: 'text.secondary',
            },
          }}
        >
          {formatHourMinute(tick.at)}
        </Box>
      ))}
      <Box component="span" sx={{ position: 'absolute', top: 0, right: 0, fontWeight: 600 }}>
        {t('timeline.now')}
      </Box>
    </Box>
  )
}
