import type { PresenceKind } from '@/shared/presence'

/** One lead on one agent, as the relay keeps it. */
export interface HeldEntry {
  /** The lead's user name. */
  by: string
  kind: PresenceKind
  /** Epoch ms. */
  since: number
  /**
   * Who may end it: the socket id for `looking` (it ends with the menu or the connection),
   * the user name otherwise.
   */
  holder: string
  /** The call it is about (listening, barged, took over); null otherwise. */
  callId: string | null
  /** It ends by itself then, epoch ms (claimed); null: it ends otherwise. */
  expiresAt: number | null
}

/** A silenced breach, as the relay keeps it. */
export interface HeldSnooze {
  by: string
  reason: string
  since: number
  until: number
  /** When the agent's state whose breach it silences began. */
  stateSince: number
}

/** What the relay holds for one agent. */
export interface HeldPresence {
  namespace: string
  agentId: string
  entries: readonly HeldEntry[]
  snooze: HeldSnooze | null
}

/**
 * Where presence is kept. In memory for a single relay; a shared store (Redis) for several
 * relays would implement the same calls. Agents nobody is on are not kept.
 */
export interface PresenceStore {
  get(namespace: string, agentId: string): HeldPresence
  /** Replaces what is held for the agent (nothing: forgets it). */
  set(
    namespace: string,
    agentId: string,
    entries: readonly HeldEntry[],
    snooze: HeldSnooze | null,
  ): void
  /** Every agent of a namespace someone is on. */
  list(namespace: string): HeldPresence[]
  /** Every agent of every namespace someone is on. */
  all(): HeldPresence[]
}

/** The single-process store: a map per namespace. */
export class MemoryPresenceStore implements PresenceStore {
  private readonly byNamespace = new Map<string, Map<string, HeldPresence>>()

  get(namespace: string, agentId: string): HeldPresence {
    return (
      this.byNamespace.get(namespace)?.get(agentId) ?? {
        namespace,
        agentId,
        entries: [],
        snooze: null,
      }
    )
  }

  set(
    namespace: string,
    agentId: string,
    entries: readonly HeldEntry[],
    snooze: HeldSnooze | null,
  ): void {
    let agents = this.byNamespace.get(namespace)
    if (entries.length === 0 && snooze === null) {
      agents?.delete(agentId)
      if (agents?.size === 0) this.byNamespace.delete(namespace)
      return
    }
    if (!agents) {
      agents = new Map()
      this.byNamespace.set(namespace, agents)
    }
    agents.set(agentId, { namespace, agentId, entries: [...entries], snooze })
  }

  list(namespace: string): HeldPresence[] {
    return [...(this.byNamespace.get(namespace)?.values() ?? [])]
  }

  all(): HeldPresence[] {
    return [...this.byNamespace.values()].flatMap((agents) => [...agents.values()])
  }
}
