import type { ReactNode } from 'react'
import { BrowserRouter } from 'react-router'

/**
 * The browser router, rendering each new location as an urgent update. By default it renders
 * one inside a React transition, which any other update interrupts: on a busy floor the live
 * store changes every few hundred milliseconds and each change restarted the render of the
 * filtered grid, so a typed search (kept in the URL) showed only when React forced the
 * transition through seconds later. A page that is still loading shows its own spinner
 * instead (see `router.tsx`).
 */
export function AppRouter({ children }: { children: ReactNode }) {
  return <BrowserRouter useTransitions={false}>{children}</BrowserRouter>
}
