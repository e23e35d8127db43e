import GraphicEqRounded from '@mui/icons-material/GraphicEqRounded'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import { useTranslation } from 'react-i18next'

/**
 * Why a recording has one lane: the platform keeps the two-track WAV only for recent calls
 * (seed 003 §4.3), and older ones have just the one-track MP3.
 */
export function OneTrackNote() {
  const { t } = useTranslation('calls')
  return (
    <Alert severity="info" icon={<GraphicEqRounded />} role="status">
      <AlertTitle>{t('player.mp3Only')}</AlertTitle>
      {t('player.mp3OnlyBody')}
    </Alert>
  )
}
