import { useCallback, useSyncExternalStore } from 'react'

function subscribe(listener: () => void): () => void {
  document.addEventListener('fullscreenchange', listener)
  return () => document.removeEventListener('fullscreenchange', listener)
}

const isFullscreen = () => document.fullscreenElement != null

/**
 * The Fullscreen API for the whole page, where the browser offers it (kiosk browsers often run
 * full screen already; the wall works the same either way).
 */
export function useFullscreen(): { supported: boolean; active: boolean; toggle: () => void } {
  const active = useSyncExternalStore(subscribe, isFullscreen, () => false)
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true
  const toggle = useCallback(() => {
    const request = isFullscreen()
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen({ navigationUI: 'hide' })
    request.catch(() => {
      // Refused (no user gesture, a policy): the wall simply stays as it is.
    })
  }, [])
  return { supported, active, toggle }
}
