import { useEffect, useRef, useState } from 'react'

/**
 * `value`, passed on at most once per `intervalMs`; the latest always lands, at the latest
 * `intervalMs` after it changed. For a view that would cost more to redraw on every batch (ten
 * a second under load) than a second's delay costs the reader.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value)
  const lastAt = useRef(0)
  useEffect(() => {
    const wait = Math.max(0, lastAt.current + intervalMs - Date.now())
    const timer = setTimeout(() => {
      lastAt.current = Date.now()
      setShown(value)
    }, wait)
    return () => clearTimeout(timer)
  }, [value, intervalMs])
  return shown
}
