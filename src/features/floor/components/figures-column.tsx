import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { Suspense, lazy } from 'react'
import { useTranslation } from 'react-i18next'
import { SectionTitle } from './section-title'

/** The figures' code loads beside the floor's, not in its first bundle: the tiles come first. */
const FiguresPanel = lazy(async () => ({
  default: (await import('./figures-panel')).FiguresPanel,
}))

/** While the figures' code arrives: the panel's own heading and its waiting line. */
function FiguresLoading() {
  const { t } = useTranslation()
  return (
    <Box component="section" aria-labelledby="figures-title" aria-busy sx={{ p: 2, pb: 1.5 }}>
      <SectionTitle id="figures-title">{t('figures.title')}</SectionTitle>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('figures.waiting')}
      </Typography>
    </Box>
  )
}

/** Today's figures, the callers to call back and the latest calls, as the floor's side column. */
export function FiguresColumn() {
  return (
    <Suspense fallback={<FiguresLoading />}>
      <FiguresPanel />
    </Suspense>
  )
}
