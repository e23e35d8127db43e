import Box from '@mui/material/Box'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { useCan } from '@/features/auth/hooks/use-can'
import { ForbiddenRoute } from './forbidden'

const TABS = [
  { to: '/admin/users', key: 'admin.tabUsers' },
  { to: '/admin/kiosks', key: 'admin.tabKiosks' },
  { to: '/admin/webhook-tokens', key: 'admin.tabWebhookTokens' },
  { to: '/admin/thresholds', key: 'thresholds.tab' },
  { to: '/admin/skill-names', key: 'skillNames.tab' },
  { to: '/admin/outbound', key: 'admin.tabOutbound' },
  { to: '/admin/audit', key: 'audit.tab' },
  { to: '/admin/health', key: 'health.tab' },
] as const

/**
 * `/admin/*`: admins only (others get the 403 page): users, wall screens, webhook tokens,
 * thresholds, skill-group names, audit, health as tabs.
 */
export function AdminLayout() {
  const { t } = useTranslation('admin')
  const allowed = useCan('manageUsers')
  const { pathname } = useLocation()
  if (!allowed) return <ForbiddenRoute />
  const current = TABS.find((tab) => pathname.startsWith(tab.to))?.to ?? false
  return (
    <Box sx={{ height: '100%', overflow: 'auto' }}>
      <Box sx={{ maxWidth: 1280, mx: 'auto', px: { xs: 2, md: 3 }, pb: 3 }}>
        <Tabs
          value={current}
          aria-label={t('admin.tabsLabel')}
          sx={{ mb: 2.5, borderBottom: 1, borderColor: 'divider' }}
        >
          {TABS.map((tab) => (
            <Tab key={tab.to} value={tab.to} label={t(tab.key)} component={Link} to={tab.to} />
          ))}
        </Tabs>
        <Outlet />
      </Box>
    </Box>
  )
}
