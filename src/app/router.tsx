import { type ComponentType, type LazyExoticComponent, Suspense, lazy } from 'react'
import { Navigate, type RouteObject } from 'react-router'
import { type Namespace, loadNamespaces } from '@/lib/i18n'
import { FloorRoute } from './routes/floor'
import { NotFoundRoute } from './routes/not-found'
import { RootLayout } from './routes/root-layout'
import { RouteLoading } from './routes/route-loading'
import { SignedInRoute } from './routes/signed-in'

/**
 * A page's module and its messages, fetched together when the page is first opened; the page
 * renders once both are here, so never shows a key.
 */
function page<P>(namespaces: readonly Namespace[], load: () => Promise<P>): Promise<P> {
  return Promise.all([load(), loadNamespaces(namespaces)]).then(([module]) => module)
}

/** A page loaded when first opened, with a spinner while it arrives. */
function pageWithSpinner(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<RouteLoading />}>
      <Page />
    </Suspense>
  )
}

const LoginRoute = lazy(async () => ({
  default: (await page(['login'], () => import('./routes/login'))).LoginRoute,
}))
const WallRoute = lazy(async () => ({
  default: (await page(['wall'], () => import('./routes/wall'))).WallRoute,
}))
const ProfileRoute = lazy(async () => ({
  default: (await page(['profile'], () => import('./routes/profile'))).ProfileRoute,
}))
const CallsRoute = lazy(async () => ({
  default: (await page(['calls'], () => import('./routes/calls'))).CallsRoute,
}))
const CallDetailRoute = lazy(async () => ({
  default: (await page(['calls'], () => import('./routes/call-detail'))).CallDetailRoute,
}))
const OutboundRoute = lazy(async () => ({
  default: (await page(['outbound'], () => import('./routes/outbound'))).OutboundRoute,
}))
const AdminLayout = lazy(async () => ({
  default: (await page(['admin'], () => import('./routes/admin-layout'))).AdminLayout,
}))
const AdminUsersRoute = lazy(async () => ({
  default: (await page(['admin'], () => import('./routes/admin-users'))).AdminUsersRoute,
}))
const AdminKiosksRoute = lazy(async () => ({
  default: (await page(['admin'], () => import('./routes/admin-kiosks'))).AdminKiosksRoute,
}))
const AdminWebhookTokensRoute = lazy(async () => ({
  default: (await page(['admin'], () => import('./routes/admin-webhook-tokens')))
    .AdminWebhookTokensRoute,
}))
const AdminThresholdsRoute = lazy(async () => ({
  default: (await page(['admin'], () => import('./routes/admin-thresholds'))).AdminThresholdsRoute,
}))
const AdminSkillNamesRoute = lazy(async () => ({
  default: (await page(['admin'], () => import('./routes/admin-skill-names'))).AdminSkillNamesRoute,
}))
const AdminOutboundRoute = lazy(async () => ({
  default: (await page(['outbound'], () => import('./routes/admin-outbound'))).AdminOutboundRoute,
}))
const AdminAuditRoute = lazy(async () => ({
  default: (await page(['admin'], () => import('./routes/admin-audit'))).AdminAuditRoute,
}))
const AdminHealthRoute = lazy(async () => ({
  default: (await page(['admin'], () => import('./routes/admin-health'))).AdminHealthRoute,
}))

/**
 * Routes. Sign-in stands alone; every other page needs a session. The floor is the home page;
 * the wall screen has no shell; admin pages check the role themselves (403 page otherwise).
 *
 * Only the floor and the shell are in the first bundle: every other page (and with it the data
 * grid, the date pickers and the player) loads when it is first opened.
 */
export const routes: RouteObject[] = [
  { path: '/login', element: pageWithSpinner(LoginRoute) },
  {
    element: <SignedInRoute />,
    children: [
      { path: '/wall', element: pageWithSpinner(WallRoute) },
      {
        path: '/',
        element: <RootLayout />,
        children: [
          { index: true, element: <FloorRoute /> },
          { path: 'profile', element: pageWithSpinner(ProfileRoute) },
          { path: 'calls', element: pageWithSpinner(CallsRoute) },
          { path: 'calls/:callId', element: pageWithSpinner(CallDetailRoute) },
          { path: 'outbound', element: pageWithSpinner(OutboundRoute) },
          {
            path: 'admin',
            element: pageWithSpinner(AdminLayout),
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              { path: 'users', element: pageWithSpinner(AdminUsersRoute) },
              { path: 'kiosks', element: pageWithSpinner(AdminKiosksRoute) },
              { path: 'webhook-tokens', element: pageWithSpinner(AdminWebhookTokensRoute) },
              { path: 'thresholds', element: pageWithSpinner(AdminThresholdsRoute) },
              { path: 'skill-names', element: pageWithSpinner(AdminSkillNamesRoute) },
              { path: 'outbound', element: pageWithSpinner(AdminOutboundRoute) },
              { path: 'audit', element: pageWithSpinner(AdminAuditRoute) },
              { path: 'health', element: pageWithSpinner(AdminHealthRoute) },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]
