import { createContext } from 'react'
import type { ActionOp } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import type { PresenceAnswer } from '@/shared/presence'
import type { SupervisorPhone } from '../utils/op-availability'

export interface ActionsContextValue {
  /** The signed-in supervisor's own phone (their profile). */
  phone: SupervisorPhone
  /** Where the profile page is, for "set your extension first". */
  profilePath: string
  /** The signed-in supervisor, to find their own listen among a call's monitors. */
  username: string | null
  /** Runs `op` on the agent; the operations that interrupt someone ask first. */
  request: (agent: AgentView, op: ActionOp) => void
  /** Asks how long and why to snooze the agent's breach. */
  snooze: (agent: AgentView) => void
  /** Tells a refused or unanswered (null) presence request `what` (its menu item's words). */
  presenceAnswered: (what: string, answer: PresenceAnswer | null) => void
}

export const ActionsContext = createContext<ActionsContextValue | null>(null)
