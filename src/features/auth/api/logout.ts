import { useMutation } from '@tanstack/react-query'
import { apiRequest } from '@/lib/api-client'

/** Ends the session on the relay (and clears its cookies). */
export function logout(): Promise<void> {
  // A 401 means the session had already ended: the page goes to sign-in either way.
  return apiRequest('/api/auth/logout', { method: 'POST', authRedirect: false })
}

export function useLogout() {
  return useMutation({ mutationFn: logout })
}
