import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { InstantCallForm } from './instant-call-form'
import { RosterSection } from './roster-section'

/** `/outbound`: an instant outbound call, and the campaign call lists. */
export function OutboundPage() {
  const { t } = useTranslation('outbound')
  return (
    <Box sx={{ height: '100%', overflow: 'auto' }}>
      <Box sx={{ maxWidth: 1280, mx: 'auto', px: { xs: 2, md: 3 }, pt: 2, pb: 4 }}>
        <Typography variant="h1" component="h1" sx={{ mb: 2 }}>
          {t('outbound.title')}
        </Typography>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
          <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
            <RosterSection />
          </Paper>
          <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
            <InstantCallForm />
          </Paper>
        </Box>
      </Box>
    </Box>
  )
}
