import { useMutation } from '@tanstack/react-query'
import type { LoginBody } from '@/shared/auth'
import { apiRequest } from '@/lib/api-client'

/** Signs in; the relay sets the session and CSRF cookies. A 401 here is a wrong password. */
export function login(body: LoginBody): Promise<void> {
  return apiRequest('/api/auth/login', { method: 'POST', body, authRedirect: false })
}

export function useLogin() {
  return useMutation({ mutationFn: login })
}
