import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded'
import PhoneCallbackRounded from '@mui/icons-material/PhoneCallbackRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { CallBackButtonProps } from '@/components/ui/call-back-slot'
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

/** Where "call back" is drawn while looking back: there, but off, saying why. */
export function CallBackOffWhileReplaying({ variant = 'button' }: CallBackButtonProps) {
  const { t } = useTranslation()
  return (
    <Tooltip title={t('replay.noActions')}>
      <span>
        {variant === 'icon' ? (
          <IconButton size="small" disabled aria-label={t('replay.callBack')}>
            <PhoneCallbackRounded fontSize="small" />
          </IconButton>
        ) : (
          <Button size="small" disabled startIcon={<PhoneCallbackRounded />}>
            {t('replay.callBack')}
          </Button>
        )}
      </span>
    </Tooltip>
  )
}
