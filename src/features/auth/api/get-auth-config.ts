import { queryOptions, useQuery } from '@tanstack/react-query'
import type { AuthConfig } from '@/shared/auth'
import { authConfigSchema } from '@/shared/auth-config'
import { apiRequest } from '@/lib/api-client'

export function getAuthConfig(signal?: AbortSignal): Promise<AuthConfig> {
  return apiRequest('/api/auth/config', {
    schema: authConfigSchema,
    authRedirect: false,
    ...(signal ? { signal } : {}),
  })
}

export function authConfigQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'config'] as const,
    queryFn: ({ signal }) => getAuthConfig(signal),
    staleTime: Infinity, // fixed for the relay's lifetime
  })
}

/** What the sign-in page may say: demo mode and its accounts. */
export function useAuthConfig() {
  return useQuery(authConfigQueryOptions())
}
