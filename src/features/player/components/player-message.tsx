import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface PlayerMessageProps {
  icon: ReactNode
  title: string
  body?: string | null | undefined
  onRetry?: (() => void) | undefined
  /** `alert` for a failure (read out at once), `status` for a plain fact. */
  role?: 'alert' | 'status'
}

/** Where the waveform would be: why there is none, and a retry when asking again may help. */
export function PlayerMessage({ icon, title, body, onRetry, role = 'alert' }: PlayerMessageProps) {
  const { t } = useTranslation('calls')
  return (
    <Box
      role={role}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
        minHeight: 120,
        px: 2,
        py: 2,
        borderRadius: 1,
        bgcolor: 'action.hover',
        color: 'text.secondary',
        '& > svg': { fontSize: 32, color: 'text.disabled' },
      }}
    >
      {icon}
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body1" sx={{ color: 'text.primary', fontWeight: 600 }}>
          {title}
        </Typography>
        {body && <Typography variant="body2">{body}</Typography>}
      </Box>
      {onRetry && (
        <Button variant="outlined" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Box>
  )
}
