import Box from '@mui/material/Box'
import CircularProgress from '@mui/material/CircularProgress'
import { useTranslation } from 'react-i18next'

/** While a page loaded on demand arrives (opened directly, e.g. from a bookmark). */
export function RouteLoading() {
  const { t } = useTranslation()
  return (
    <Box
      role="status"
      aria-label={t('callRecords.loadingPage')}
      sx={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <CircularProgress size={28} aria-hidden />
    </Box>
  )
}
