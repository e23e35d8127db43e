import { use } from 'react'
import { type ActionsContextValue, ActionsContext } from '../components/actions-context'

/** The actions host's context: the supervisor's phone and the way to run an action. */
export function useActions(): ActionsContextValue {
  const value = use(ActionsContext)
  if (!value) throw new Error('useActions outside ActionsHost')
  return value
}
