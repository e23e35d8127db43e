import { useEffect, useState } from 'react'

const IDLE_MS = 3_000 // the pointer disappears this long after it last moved

/** True while the pointer has been still for a few seconds: the wall then hides it. */
export function useIdleCursor(): boolean {
  const [idle, setIdle] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const moved = () => {
      setIdle(false)
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(() => setIdle(true), IDLE_MS)
    }
    moved()
    window.addEventListener('pointermove', moved)
    window.addEventListener('pointerdown', moved)
    return () => {
      if (timer !== null) clearTimeout(timer)
      window.removeEventListener('pointermove', moved)
      window.removeEventListener('pointerdown', moved)
    }
  }, [])
  return idle
}
