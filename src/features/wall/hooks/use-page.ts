import { useCallback, useSyncExternalStore } from 'react'
import { subscribeTick, tickNow } from '@/lib/ticker'
import { pageAt } from '../utils/paging'

const noSubscription = () => () => {}

/**
 * The page of `pages` showing now, turning every `rotateMs` on the shared tick: the caller
 * re-renders when the page turns, not every second; with one page nothing listens.
 */
export function usePage(pages: number, rotateMs: number): number {
  const page = useCallback(() => pageAt(tickNow(), pages, rotateMs), [pages, rotateMs])
  return useSyncExternalStore(pages > 1 ? subscribeTick : noSubscription, page, page)
}
