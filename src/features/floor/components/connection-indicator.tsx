import Box from '@mui/material/Box'
import Tooltip from '@mui/material/Tooltip'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAgo } from '@/hooks/use-ago'
import { useTick } from '@/hooks/use-tick'
import { formatClock } from '@/lib/format'
import type { ConnectionStatus } from '../stores/connection-status'
import { useFloorStore } from '../stores/floor-store'

const DOT: Record<
  ConnectionStatus,
  'success.main' | 'warning.main' | 'error.main' | 'text.disabled'
> = {
  live: 'success.main',
  connecting: 'text.disabled',
  reconnecting: 'warning.main',
  stale: 'error.main',
}

/** When the platform last sent an event, refreshed each second while the tooltip is open. */
function LastEvent() {
  const { t } = useTranslation()
  const ago = useAgo()
  const now = useTick()
  const lastEventAt = useFloorStore((s) => s.lastEventAt)
  const offset = useFloorStore((s) => s.offset)
  if (lastEventAt === null) return <>{t('connection.noEvent')}</>
  return (
    <>
      {t('connection.lastEvent', {
        time: formatClock(lastEventAt - offset),
        ago: ago(now + offset - lastEventAt),
      })}
    </>
  )
}

/** Live / reconnecting / stale, for the app bar. */
export function ConnectionIndicator() {
  const { t } = useTranslation()
  const status = useFloorStore((s) => s.status)
  const [open, setOpen] = useState(false)
  const label = t(`connection.${status}`)
  return (
    <Tooltip
      title={open ? <LastEvent /> : ''}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      <Box
        tabIndex={0}
        role="status"
        aria-label={t('connection.indicatorLabel', { status: label })}
        data-status={status}
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.75,
          height: 28,
          px: 1.25,
          borderRadius: 999,
          border: 1,
          borderColor: 'divider',
          fontSize: '0.8125rem',
          fontWeight: 500,
          whiteSpace: 'nowrap',
          cursor: 'default',
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
        }}
      >
        <Box
          component="span"
          aria-hidden
          sx={{
            width: 8,
            height: 8,
            borderRadius: '50%',
            bgcolor: DOT[status],
            boxShadow: status === 'live' ? '0 0 0 3px rgba(46, 125, 50, 0.18)' : 'none',
          }}
        />
        {label}
      </Box>
    </Tooltip>
  )
}
