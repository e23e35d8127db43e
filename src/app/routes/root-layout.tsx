import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { AppShell, type NavItem } from '@/components/layout/app-shell'
import { ConnectionIndicator } from '@/features/floor/components/connection-indicator'

/** Every signed-in page: the shell with navigation and the live-link indicator. */
export function RootLayout() {
  const { t } = useTranslation()
  const nav: NavItem[] = [{ to: '/', label: t('nav.floor'), end: true }]
  return (
    <AppShell nav={nav} status={<ConnectionIndicator />}>
      <Outlet />
    </AppShell>
  )
}
