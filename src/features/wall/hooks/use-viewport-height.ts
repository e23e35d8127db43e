import { useSyncExternalStore } from 'react'

function subscribe(listener: () => void): () => void {
  window.addEventListener('resize', listener)
  return () => window.removeEventListener('resize', listener)
}

const height = () => window.innerHeight

/** The window's height, px: how big the screen is, and so how big type must be to read from afar. */
export function useViewportHeight(): number {
  return useSyncExternalStore(subscribe, height, () => 1080)
}
