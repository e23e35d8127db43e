import { resetFloorStore } from '@/features/floor/stores/floor-store'
import { ME_QUERY_KEY, meQueryOptions } from '@/features/auth/api/get-me'
import { wasKiosk } from '@/features/auth/utils/kiosk-marker'
import { type LoginReason, LOGIN_PATH, loginPath } from '@/features/auth/utils/login-path'
import { type ApiError, setUnauthorizedHandler } from '@/lib/api-client'
import { preloadSocketClient } from '@/lib/floor-socket'
import { resetPresenceStore } from '@/lib/presence-store'
import { queryClient } from '@/lib/query-client'
import type { Me } from '@/shared/auth'
import { floorLink } from './floor-link'

type Navigate = (to: string, options?: { replace?: boolean }) => void | Promise<void>

interface Here {
  pathname: string
  search: string
  hash: string
}

interface RouterLike {
  navigate: Navigate
  state: { location: Here }
}

/**
 * Before anything renders, on every page but sign-in (which asks only once signed in): asks
 * the relay who is signed in, so the page draws itself at its first render instead of showing
 * the loader while the question goes back and forth; fetches the live link's client code, which
 * is not in the first bundle; and, once someone is known to be signed in, opens the live link,
 * so the floor's agents arrive while the page renders rather than after (the signed-in pages
 * keep it open from then on, see `SignedInRoute`).
 */
export function prefetchSession(pathname: string): void {
  if (pathname === LOGIN_PATH) return
  preloadSocketClient()
  void queryClient.prefetchQuery(meQueryOptions()).then(() => {
    if (queryClient.getQueryData(ME_QUERY_KEY)) floorLink.connect()
  })
}

/**
 * Why the session ended, as the relay put it (`SessionEnded['reason']`, or a 401's reason);
 * null for a sign-out.
 */
type EndReason = string | null

/**
 * Ends the page's session: stops the live link, goes to the sign-in page (remembering where
 * the user was, and saying why), then forgets every piece of server data and the floor, so
 * the next person to sign in on this screen sees nothing of the last one's.
 */
export async function endSession(
  navigate: Navigate,
  options: { reason: EndReason; from?: Here | null },
): Promise<void> {
  const me = queryClient.getQueryData<Me>(ME_QUERY_KEY)
  floorLink.disconnect()
  await navigate(targetFor(options.reason, me, options.from ?? null), { replace: true })
  queryClient.clear()
  resetFloorStore()
  resetPresenceStore()
}

function targetFor(reason: EndReason, me: Me | undefined, from: Here | null): string {
  if (reason === null) return LOGIN_PATH // signed out on purpose: start afresh
  // A wall screen whose link was revoked (the relay may just say "no session", having deleted it).
  const kiosk = me ? me.kind === 'kiosk' : wasKiosk()
  if (kiosk && reason !== 'expired') return loginPath({ kioskInvalid: true })
  const next = from && !kiosk ? `${from.pathname}${from.search}${from.hash}` : null
  return loginPath({ next, reason: loginReasonFor(reason, me !== undefined) })
}

/** What the sign-in page says: nothing for a first visit, why for a session that was open. */
function loginReasonFor(reason: string, wasSignedIn: boolean): LoginReason | null {
  if (reason === 'expired') return 'expired'
  if (reason === 'disabled') return 'disabled'
  return wasSignedIn ? 'ended' : null
}

/**
 * Wires the session to the router: any 401 and any end the live link hears send the page to
 * sign-in; a changed role or scope refreshes who we are (the link reconnects by itself).
 * Returns the uninstall.
 */
export function installSession(router: RouterLike): () => void {
  const navigate: Navigate = (to, options) => router.navigate(to, options)
  let ending = false
  const end = (reason: EndReason) => {
    const from = router.state.location
    if (ending || from.pathname === LOGIN_PATH) return
    ending = true
    void endSession(navigate, { reason, from }).finally(() => {
      ending = false
    })
  }
  const removeHandler = setUnauthorizedHandler((error: ApiError) =>
    end(error.reason ?? 'no_session'),
  )
  const unsubscribe = floorLink.onSessionEnded((info) => {
    if (info.reason === 'changed') void queryClient.invalidateQueries()
    else end(info.reason)
  })
  return () => {
    removeHandler()
    unsubscribe()
  }
}
