import { QueryClient } from '@tanstack/react-query'
import { isApiError } from './api-client'

const RETRIES = 1 // one more try for a network hiccup or a relay restart

/** A 4xx will not change by asking again (and a 401 has already sent the page to sign-in). */
function shouldRetry(failures: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false
  return failures < RETRIES
}

/** One client for the app's server data: the signed-in user, users, wall-screen links, CDRs… */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000, // ms: supervisors revisit the same pages often
      retry: shouldRetry,
      refetchOnWindowFocus: false, // wall screens have no focus to speak of
    },
  },
})
