import { useSyncExternalStore } from 'react'
import { subscribeTick, tickNow } from '@/lib/ticker'

/** Local clock (epoch ms) that re-renders the caller once a second, in step with every other timer. */
export function useTick(): number {
  return useSyncExternalStore(subscribeTick, tickNow, tickNow)
}
