import { type ReactNode, useEffect } from 'react'
import { Outlet } from 'react-router'
import { RequireAuth } from '@/features/auth/components/require-auth'
import { floorLink } from '../floor-link'

/** Every page but sign-in: only once someone is signed in, with the live link open meanwhile. */
export function SignedInRoute() {
  return (
    <RequireAuth>
      <LiveLink>
        <Outlet />
      </LiveLink>
    </RequireAuth>
  )
}

/** Opens the floor socket while a signed-in page is shown, and closes it when none is. */
function LiveLink({ children }: { children: ReactNode }) {
  useEffect(() => {
    floorLink.connect()
    return () => floorLink.disconnect()
  }, [])
  return children
}
