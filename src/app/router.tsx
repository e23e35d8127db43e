import { Navigate, type RouteObject, createBrowserRouter } from 'react-router'
import { AdminKiosksRoute } from './routes/admin-kiosks'
import { AdminLayout } from './routes/admin-layout'
import { AdminUsersRoute } from './routes/admin-users'
import { FloorRoute } from './routes/floor'
import { LoginRoute } from './routes/login'
import { NotFoundRoute } from './routes/not-found'
import { RootLayout } from './routes/root-layout'
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
          {
            path: 'admin',
            element: <AdminLayout />,
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              { path: 'users', element: <AdminUsersRoute /> },
              { path: 'kiosks', element: <AdminKiosksRoute /> },
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
