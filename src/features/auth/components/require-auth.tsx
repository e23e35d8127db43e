import CloudOffRounded from '@mui/icons-material/CloudOffRounded'
import RefreshRounded from '@mui/icons-material/RefreshRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { FullPageLoader } from '@/components/ui/full-page-loader'
import { MessageState } from '@/components/ui/message-state'
import { isUnauthenticated } from '@/lib/api-client'
import { useMe } from '../api/get-me'
import { CurrentUserContext } from '../hooks/use-current-user'
import { rememberKiosk } from '../utils/kiosk-marker'
import { loginPath } from '../utils/login-path'

/**
 * Every page but sign-in: shows a calm loader while `/api/me` answers (never a flash of the
 * sign-in page), then the page with the signed-in user in context; without a session, the
 * sign-in page, remembering where the user was.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const location = useLocation()
  const me = useMe()
  const kind = me.data?.kind

  useEffect(() => {
    if (kind) rememberKiosk(kind === 'kiosk')
  }, [kind])

  if (me.data) return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>
  if (me.isPending) return <FullPageLoader label={t('auth.checking')} />
  if (isUnauthenticated(me.error)) {
    const next = `${location.pathname}${location.search}${location.hash}`
    return <Navigate to={loginPath({ next })} replace />
  }
  // The relay could not be asked (down, restarting): say so, and keep trying.
  return (
    <Box sx={{ height: '100dvh', display: 'flex', bgcolor: 'background.default' }}>
      <MessageState
        icon={<CloudOffRounded />}
        title={t('auth.checkFailedTitle')}
        body={t('auth.checkFailedBody')}
        action={
          <Button
            variant="outlined"
            startIcon={<RefreshRounded />}
            loading={me.isFetching}
            onClick={() => void me.refetch()}
          >
            {t('common.retry')}
          </Button>
        }
      />
    </Box>
  )
}
