import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'

/** The player's place while its code or the recording's waveform is on the way. */
export function PlayerLoading() {
  const { t } = useTranslation('calls')
  return (
    <Box>
      <Typography role="status" variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        {t('player.loading')}
      </Typography>
      <Skeleton variant="rounded" height={128} animation="wave" aria-hidden />
    </Box>
  )
}
