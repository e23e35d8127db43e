import HeadsetMicRounded from '@mui/icons-material/HeadsetMicRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { LanguageSwitch } from '@/components/layout/language-switch'
import { ThemeSwitch } from '@/components/layout/theme-switch'
import { useAuthConfig } from '../api/get-auth-config'
import { meQueryOptions } from '../api/get-me'
import { parseLoginReason, safeNext } from '../utils/login-path'
import { DemoAccounts } from './demo-accounts'
import { type Credentials, LoginForm } from './login-form'

const REASON_KEYS = {
  expired: 'auth.reasonExpired',
  disabled: 'auth.reasonDisabled',
  ended: 'auth.reasonEnded',
} as const

/**
 * `/login`: the form, why the user is here (`?reason=`, `?kiosk=invalid`), the demo accounts
 * in demo mode; after signing in, back to `?next=` (default the floor).
 */
export function LoginPage() {
  const { t } = useTranslation('login')
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const config = useAuthConfig()
  const [credentials, setCredentials] = useState<Credentials>({ username: '', password: '' })

  const kioskInvalid = params.get('kiosk') === 'invalid'
  const reason = parseLoginReason(params.get('reason'))
  const next = safeNext(params.get('next'))

  const onSignedIn = async () => {
    // Nothing of an earlier session may linger (the sign-in page's own settings may).
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' })
    // Know who we are before the next page shows, so it does not flash a loader.
    try {
      await queryClient.fetchQuery(meQueryOptions())
    } catch {
      // The guard on the next page asks again and explains.
    }
    await navigate(next, { replace: true })
  }

  return (
    <Box
      sx={{
        minHeight: '100dvh',
        display: 'flex',
        flexDirection: 'column',
        bgcolor: 'background.default',
      }}
    >
      <Box component="header" sx={{ display: 'flex', justifyContent: 'flex-end', px: 1, pt: 1 }}>
        <LanguageSwitch />
        <ThemeSwitch />
      </Box>
      <Box
        component="main"
        sx={{
          flex: 1,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          px: 2,
          pb: 8,
        }}
      >
        <Box
          sx={{ width: '100%', maxWidth: 400, display: 'flex', flexDirection: 'column', gap: 2 }}
        >
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'center' }}>
            <HeadsetMicRounded color="primary" aria-hidden sx={{ fontSize: 32 }} />
            <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.25rem' }}>
              {t('app.fullName')}
            </Typography>
          </Box>
          <Paper
            variant="outlined"
            sx={{ p: { xs: 2.5, sm: 3.5 }, display: 'flex', flexDirection: 'column', gap: 2.5 }}
          >
            <Box>
              <Typography variant="h1" sx={{ fontSize: '1.375rem' }}>
                {t('auth.title')}
              </Typography>
              <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
                {t('auth.subtitle')}
              </Typography>
            </Box>
            {kioskInvalid && (
              <Alert severity="warning" role="status">
                {t('auth.kioskInvalid')}
              </Alert>
            )}
            {!kioskInvalid && reason && (
              <Alert severity="info" role="status">
                {t(REASON_KEYS[reason])}
              </Alert>
            )}
            <LoginForm value={credentials} onChange={setCredentials} onSignedIn={onSignedIn} />
            {config.data?.demo && config.data.demoAccounts.length > 0 && (
              <DemoAccounts
                accounts={config.data.demoAccounts}
                onPick={(a) => setCredentials({ username: a.username, password: a.password })}
              />
            )}
          </Paper>
        </Box>
      </Box>
    </Box>
  )
}
