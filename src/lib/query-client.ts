import { QueryClient } from '@tanstack/react-query'

/** One client for the app's server data (CDRs, recordings, users) once those routes exist. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000, // ms: supervisors revisit the same pages often
      retry: 1,
      refetchOnWindowFocus: false, // wall screens have no focus to speak of
    },
  },
})
