import ManageAccountsRounded from '@mui/icons-material/ManageAccountsRounded'
import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useNavigate } from 'react-router'
import { AppShell, type NavItem } from '@/components/layout/app-shell'
import { UserMenu } from '@/features/auth/components/user-menu'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import { ConnectionIndicator } from '@/features/floor/components/connection-indicator'
import { can } from '@/shared/auth'
import { CallBackProvider } from '../call-back'
import { floorLink } from '../floor-link'
import { PROFILE_PATH } from '../paths'
import { endSession } from '../session'

/**
 * Every signed-in page but the wall: the shell with the navigation the role may use, the
 * live-link indicator and the user menu. A wall-screen session sees only the wall.
 */
export function RootLayout() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const navigate = useNavigate()
  if (me.kind === 'kiosk') return <Navigate to="/wall" replace />
  const nav: NavItem[] = [
    ...(can(me.role, 'watch') ? [{ to: '/', label: t('nav.floor'), end: true }] : []),
    ...(can(me.role, 'browseCalls') ? [{ to: '/calls', label: t('callRecords.nav') }] : []),
    ...(can(me.role, 'callOut') ? [{ to: '/outbound', label: t('nav.outbound') }] : []),
    ...(can(me.role, 'manageUsers') ? [{ to: '/admin', label: t('nav.admin') }] : []),
  ]
  return (
    <AppShell
      nav={nav}
      status={<ConnectionIndicator />}
      user={
        <UserMenu
          me={me}
          links={[
            {
              to: PROFILE_PATH,
              label: t('profile.menuItem'),
              icon: <ManageAccountsRounded fontSize="small" />,
            },
          ]}
          onSigningOut={() => floorLink.disconnect()}
          onSignedOut={() => void endSession(navigate, { reason: null })}
        />
      }
    >
      <CallBackProvider>
        <Outlet />
      </CallBackProvider>
    </AppShell>
  )
}
