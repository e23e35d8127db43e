import { create } from 'zustand'
import type { AgentPresence, PresenceSnapshot, Snooze } from '@/shared/presence'

export interface PresenceState {
  /** Agents someone is on, by id; an agent nobody is on is absent. */
  byAgent: Readonly<Record<string, AgentPresence>>
  /** Snoozed breaches by agent id: replaced only when a snooze begins or ends. */
  snoozed: Readonly<Record<string, Snooze>>
  /** The signed-in lead's user name: their own entries are theirs, not "someone else's". */
  self: string | null
}

export interface PresenceSink {
  receivePresenceSnapshot(snapshot: PresenceSnapshot): void
  receivePresence(presence: AgentPresence): void
}

const EMPTY: PresenceState = { byAgent: {}, snoozed: {}, self: null }

/**
 * Who is on which agent, as the relay last said: fed by the socket module (`PresenceSink`),
 * read by the tiles, the menu and the over-time count with narrow selectors.
 */
export const usePresenceStore = create<PresenceState & PresenceSink>()((set) => ({
  ...EMPTY,

  receivePresenceSnapshot(snapshot) {
    const byAgent: Record<string, AgentPresence> = {}
    const snoozed: Record<string, Snooze> = {}
    for (const p of snapshot.agents) {
      byAgent[p.agentId] = p
      if (p.snooze) snoozed[p.agentId] = p.snooze
    }
    set({ byAgent, snoozed })
  },

  receivePresence(presence) {
    set((s) => {
      const { [presence.agentId]: _gone, ...others } = s.byAgent
      const byAgent =
        presence.entries.length > 0 || presence.snooze
          ? { ...others, [presence.agentId]: presence }
          : others
      const held = s.snoozed[presence.agentId]
      if ((held ?? null) === presence.snooze || sameSnooze(held, presence.snooze))
        return { byAgent }
      const { [presence.agentId]: _ended, ...stillSnoozed } = s.snoozed
      return {
        byAgent,
        snoozed: presence.snooze
          ? { ...stillSnoozed, [presence.agentId]: presence.snooze }
          : stillSnoozed,
      }
    })
  },
}))

function sameSnooze(a: Snooze | undefined, b: Snooze | null): boolean {
  return (
    a !== undefined &&
    b !== null &&
    a.by === b.by &&
    a.reason === b.reason &&
    a.since === b.since &&
    a.until === b.until
  )
}

/** The socket module's way in. */
export const presenceStoreSink: PresenceSink = {
  receivePresenceSnapshot: (s) => usePresenceStore.getState().receivePresenceSnapshot(s),
  receivePresence: (p) => usePresenceStore.getState().receivePresence(p),
}

/** Says who the signed-in lead is (null: nobody). */
export function setPresenceSelf(self: string | null): void {
  usePresenceStore.setState({ self })
}

/** Forgets everything (sign-out): the next person sees nothing of the last one's. */
export function resetPresenceStore(): void {
  usePresenceStore.setState(EMPTY)
}
