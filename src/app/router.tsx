import { createBrowserRouter } from 'react-router'
import { FloorRoute } from './routes/floor'
import { NotFoundRoute } from './routes/not-found'
import { RootLayout } from './routes/root-layout'

/**
 * Routes. The floor is the home page; calls, admin and the wall screen join as siblings
 * (lazily loaded), and sign-in as a route outside the layout.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <RootLayout />,
      children: [
        { index: true, element: <FloorRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ])
}
