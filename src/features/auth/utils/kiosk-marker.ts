const STORAGE_KEY = 'wellcloud.kiosk'

/*
 * Whether this browser last ran as a wall screen. When a link is revoked the relay deletes its
 * sessions, so after a reload the screen only hears "no session"; the marker lets the page say
 * "this wall-screen link is no longer valid" instead of asking a wall for a password.
 */

export function rememberKiosk(isKiosk: boolean): void {
  try {
    if (isKiosk) globalThis.localStorage?.setItem(STORAGE_KEY, '1')
    else globalThis.localStorage?.removeItem(STORAGE_KEY)
  } catch {
    // Storage blocked (kiosk browser policy): the reload case just shows the plain sign-in page.
  }
}

export function wasKiosk(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === '1'
  } catch {
    return false
  }
}
