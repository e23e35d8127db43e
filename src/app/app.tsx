import { useEffect, useLayoutEffect, useRef } from 'react'
import { useLocation, useNavigate, useRoutes } from 'react-router'
import { AppProvider } from './provider'
import { AppRouter } from './app-router'
import { routes } from './router'
import { installSession } from './session'
import { installSettingsSync } from './settings-sync'

/*
 * A plain browser router rather than a data router: the console loads no data through routes,
 * and the plain one is half the size in the floor's first bundle.
 */

function AppRoutes() {
  const navigate = useNavigate()
  const location = useLocation()
  const here = useRef({ navigate, location })
  useLayoutEffect(() => {
    here.current = { navigate, location }
  })
  // A lost session (any 401, or the live link told so) sends the page to sign-in.
  useEffect(
    () =>
      installSession({
        navigate: (to, options) => here.current.navigate(to, options),
        get state() {
          return { location: here.current.location }
        },
      }),
    [],
  )
  return useRoutes(routes)
}

export function App() {
  // Thresholds an admin changes reach every open screen without a reload.
  useEffect(() => installSettingsSync(), [])
  return (
    <AppProvider>
      <AppRouter>
        <AppRoutes />
      </AppRouter>
    </AppProvider>
  )
}
