import { createContext, use } from 'react'
import type { Me } from '@/shared/auth'

/** The signed-in user or wall screen, provided by `RequireAuth` once `/api/me` answered. */
export const CurrentUserContext = createContext<Me | null>(null)

/** Who is signed in; only inside `RequireAuth`, where there always is someone. */
export function useCurrentUser(): Me {
  const me = use(CurrentUserContext)
  if (!me) throw new Error('useCurrentUser outside RequireAuth')
  return me
}
