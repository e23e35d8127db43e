import type { ClusterMessageOf } from './messages'
import type { HeldEntry, HeldPresence, HeldSnooze, PresenceStore } from '../presence/presence.store'

/**
 * Who is on which agent, the same on every relay process: each process keeps it in memory
 * (read on every screen's request), and every change made here is passed to the others, which
 * apply it with `applyElsewhere` in the cluster feed's order.
 */
export class SharedPresenceStore implements PresenceStore {
  constructor(
    private readonly inner: PresenceStore,
    private readonly announce: (m: ClusterMessageOf<'presence'>) => void,
  ) {}

  get(namespace: string, agentId: string): HeldPresence {
    return this.inner.get(namespace, agentId)
  }

  set(
    namespace: string,
    agentId: string,
    entries: readonly HeldEntry[],
    snooze: HeldSnooze | null,
  ): void {
    this.inner.set(namespace, agentId, entries, snooze)
    this.announce({ kind: 'presence', namespace, agentId, entries: [...entries], snooze })
  }

  list(namespace: string): HeldPresence[] {
    return this.inner.list(namespace)
  }

  all(): HeldPresence[] {
    return this.inner.all()
  }

  /** A change another process made. */
  applyElsewhere(m: ClusterMessageOf<'presence'>): void {
    this.inner.set(m.namespace, m.agentId, m.entries, m.snooze)
  }
}
