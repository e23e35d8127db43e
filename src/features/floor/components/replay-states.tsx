import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { MessageState } from '@/components/ui/message-state'
import { isApiError } from '@/lib/api-client'
import { apiErrorMessage } from '@/lib/api-error-message'
import { useReplayStore } from '../stores/replay-store'

/**
 * The relay refused the moment (outside the retention window, say): its own words, with the way
 * back to live; the controls above stay, to pick another moment.
 */
export function ReplayRefused({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const backToLive = useReplayStore((s) => s.backToLive)
  // A refusal of this moment is the relay's sentence; anything else is worded as elsewhere.
  const refusal =
    isApiError(error) && error.error === 'invalid_request' && error.message !== ''
      ? error.message
      : apiErrorMessage(error, t)
  return (
    <MessageState
      icon={<ErrorOutlineRounded />}
      title={t('replay.refused')}
      body={refusal}
      action={<Button onClick={backToLive}>{t('replay.backToLive')}</Button>}
    />
  )
}

/** In the drawer instead of the actions while looking back: there, but off, saying why. */
export function NoActionsWhileReplaying() {
  const { t } = useTranslation()
  return (
    <Box sx={{ px: 2, py: 1, display: 'flex', alignItems: 'center', gap: 1.5 }}>
      <Tooltip title={t('replay.noActions')}>
        <span>
          <Button variant="outlined" size="small" disabled>
            {t('replay.actions')}
          </Button>
        </span>
      </Tooltip>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {t('replay.noActions')}
      </Typography>
    </Box>
  )
}
