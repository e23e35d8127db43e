import type { AcState } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'

/** The parts of a queued call's handle time, as the agent's states show them. */
export type HandlePart = 'talk' | 'hold' | 'acw'

/** A stretch of one agent's time spent on a queued call, ready to be counted. */
export interface HandlePiece {
  part: HandlePart
  /** Skill group the call came from. */
  skillId: string
  /** The agent's department, as on the call's record. */
  orgTreePos: string | null
  /** Epoch ms, [from, to). */
  from: number
  to: number
}

/**
 * Which part of handle time a state is. Conference counts as talk (the caller is on the line
 * with the agent); ringing and every outbound state are not handle time of a queued call
 * (outbound states carry no skill group, so they drop out below).
 */
export function handlePartOf(state: AcState): HandlePart | null {
  return HANDLE_PARTS[state] ?? null
}

const HANDLE_PARTS: Partial<Record<AcState, HandlePart>> = {
  InboundTalking: 'talk',
  Conference: 'talk',
  Hold: 'hold',
  Acw: 'acw',
}

interface Held {
  acState: AcState
  since: number
  /** Skill group this stretch belongs to: the call's, or for after-call work the call before. */
  skillId: string | null
  orgTreePos: string | null
}

/**
 * Follows each agent's state changes and turns the stretches spent talking, on hold and in
 * after-call work on a queued call into pieces. The platform clears `workSkill` in after-call
 * work, so ACW is given to the skill group of the call the agent was on just before.
 * Only events newer than the agent's last one move it on (the store applies only those).
 */
export class HandleTimeTracker {
  private readonly agents = new Map<string, Held>()

  /** The piece the agent's previous state makes now that `view` ends it, if any. */
  next(view: AgentView): HandlePiece | null {
    const key = `${view.namespace}\u0000${view.id}`
    const prev = this.agents.get(key)
    if (prev && view.stateSince < prev.since) return null
    // The same state reported again (a reason change, a supervisor joining) continues it.
    if (prev && prev.acState === view.acState && prev.since === view.stateSince) return null
    const skillId =
      view.acState === 'Acw' ? (view.workSkill ?? prev?.skillId ?? null) : view.workSkill
    this.agents.set(key, {
      acState: view.acState,
      since: view.stateSince,
      skillId,
      orgTreePos: view.org.treePos,
    })
    if (!prev) return null
    const part = handlePartOf(prev.acState)
    if (part === null || prev.skillId === null || view.stateSince <= prev.since) return null
    return {
      part,
      skillId: prev.skillId,
      orgTreePos: prev.orgTreePos,
      from: prev.since,
      to: view.stateSince,
    }
  }
}
