import { Navigate, type RouteObject, createBrowserRouter } from 'react-router'
import { AdminAuditRoute } from './routes/admin-audit'
import { AdminKiosksRoute } from './routes/admin-kiosks'
import { AdminLayout } from './routes/admin-layout'
import { AdminThresholdsRoute } from './routes/admin-thresholds'
import { AdminUsersRoute } from './routes/admin-users'
import { FloorRoute } from './routes/floor'
import { LoginRoute } from './routes/login'
import { NotFoundRoute } from './routes/not-found'
import { ProfileRoute } from './routes/profile'
import { RootLayout } from './routes/root-layout'
import { RouteLoading } from './routes/route-loading'
import { SignedInRoute } from './routes/signed-in'
import { WallRoute } from './routes/wall'

/**
 * Routes. Sign-in stands alone; every other page needs a session. The floor is the home page;
 * the wall screen has no shell; admin pages check the role themselves (403 page otherwise).
 */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute /> },
  {
    element: <SignedInRoute />,
    children: [
      { path: '/wall', element: <WallRoute /> },
      {
        path: '/',
        element: <RootLayout />,
        children: [
          { index: true, element: <FloorRoute /> },
          { path: 'profile', element: <ProfileRoute /> },
          // Loaded on demand: the grid, the date pickers and the player stay out of the floor's bundle.
          {
            path: 'calls',
            HydrateFallback: RouteLoading,
            lazy: async () => ({ Component: (await import('./routes/calls')).CallsRoute }),
          },
          {
            path: 'calls/:callId',
            HydrateFallback: RouteLoading,
            lazy: async () => ({
              Component: (await import('./routes/call-detail')).CallDetailRoute,
            }),
          },
          {
            path: 'admin',
            element: <AdminLayout />,
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              { path: 'users', element: <AdminUsersRoute /> },
              { path: 'kiosks', element: <AdminKiosksRoute /> },
              { path: 'thresholds', element: <AdminThresholdsRoute /> },
              { path: 'audit', element: <AdminAuditRoute /> },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}
