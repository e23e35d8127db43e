import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import type { LinkFacts } from '../utils/staleness'

const DOT = {
  live: '#4ADE80',
  connecting: '#9AA4B2',
  reconnecting: '#FBBF24',
  stale: '#F87171',
} as const

/** The link's state in words beside a dot: no tooltip to hover on a wall. */
export function LinkPill({ status }: { status: LinkFacts['status'] }) {
  const { t } = useTranslation('wall')
  return (
    <Box
      data-status={status}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: '0.6vh',
        px: '1.2vh',
        py: '0.4vh',
        borderRadius: 999,
        border: 1,
        borderColor: 'divider',
        fontSize: 'max(13px, 1.8vh)',
        fontWeight: 600,
        whiteSpace: 'nowrap',
      }}
    >
      <Box
        component="span"
        aria-hidden
        sx={{
          width: '1.2vh',
          height: '1.2vh',
          minWidth: 8,
          minHeight: 8,
          borderRadius: '50%',
          bgcolor: DOT[status],
        }}
      />
      {t(`wall.${status}`)}
    </Box>
  )
}
