import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink, useLocation } from 'react-router'
import { returnPath } from '@/lib/return-to'
import type { Me } from '@/shared/auth'
import { ProfileForm } from './profile-form'

interface ProfilePageProps {
  me: Me
  /** Whether the role acts on agents at all (else the settings wait for a promotion). */
  canAct: boolean
  onSaved: (me: Me) => void
}

/** `/profile`: who is signed in, and the phone their listen, join and take actions use. */
export function ProfilePage({ me, canAct, onSaved }: ProfilePageProps) {
  const { t } = useTranslation('profile')
  const role = t(`roles.${me.role}`)
  // Opened from an action's "set your phone" link: the way back to the floor as it was.
  const back = returnPath(useLocation().state)
  return (
    <Box sx={{ height: '100%', overflow: 'auto' }}>
      <Box sx={{ maxWidth: 640, mx: 'auto', px: { xs: 2, md: 3 }, py: 3 }}>
        {back && (
          <Link
            component={RouterLink}
            to={back}
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}
          >
            <ArrowBackRounded fontSize="small" aria-hidden />
            {t('profile.back')}
          </Link>
        )}
        <Typography variant="h1" component="h1" sx={{ mb: 2 }}>
          {t('profile.title')}
        </Typography>
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
          <Box
            component="dl"
            sx={{
              m: 0,
              mb: 2.5,
              display: 'grid',
              gridTemplateColumns: 'auto 1fr',
              columnGap: 3,
              rowGap: 0.5,
              '& dt': { color: 'text.secondary' },
              '& dd': { m: 0, fontWeight: 500 },
            }}
          >
            <dt>{t('profile.account')}</dt>
            <dd>{me.username}</dd>
            <dt>{t('profile.role')}</dt>
            <dd>{role}</dd>
          </Box>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2.5 }}>
            {t('profile.intro')}
          </Typography>
          {!canAct && (
            <Alert severity="info" sx={{ mb: 2.5 }}>
              {t('profile.notActing', { role })}
            </Alert>
          )}
          <ProfileForm me={me} onSaved={onSaved} />
        </Paper>
      </Box>
    </Box>
  )
}
