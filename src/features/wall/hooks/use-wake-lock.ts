import { useEffect } from 'react'

/**
 * Keeps the screen from sleeping while the wall is shown (Screen Wake Lock API, where there is
 * one). The browser drops the lock when the page is hidden; it is asked for again on return.
 */
export function useWakeLock(): void {
  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLock }).wakeLock
    if (!wakeLock) return
    let sentinel: WakeLockSentinel | null = null
    let stopped = false
    const acquire = () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return
      wakeLock
        .request('screen')
        .then((s) => {
          if (stopped) void s.release()
          else sentinel = s
        })
        .catch(() => {
          // Not allowed here (insecure origin, battery saver): the screen's own settings rule.
        })
    }
    acquire()
    document.addEventListener('visibilitychange', acquire)
    return () => {
      stopped = true
      document.removeEventListener('visibilitychange', acquire)
      void sentinel?.release()
    }
  }, [])
}
