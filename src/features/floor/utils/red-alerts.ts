/** One agent as the alerts see it: which state stretch it is in, and whether it is red now. */
export interface AlertCandidate {
  id: string
  /** Identifies the stretch in the current state, e.g. `${acState}|${stateSince}`. */
  stretch: string
  red: boolean
}

/** At most one alert (sound, notification) per this long, ms: a busy floor must not beep on and on. */
export const ALERT_GAP_MS = 30_000

/**
 * Decides which agents to announce as newly red: each agent once per state stretch, none of
 * those already red when watching began, and at most one announcement per `gapMs` (those that
 * turn red meanwhile wait for the next one, if they are still red then). Holds nothing beyond
 * the agents it is shown, so it stays small however long the page runs.
 */
export class RedAlertGate {
  private primed = false
  /** Agents already announced (or found red at the start) in their current stretch: id → stretch. */
  private readonly seen = new Map<string, string>()
  /** Newly red, not yet announced. */
  private readonly waiting = new Set<string>()
  private lastAlertAt = Number.NEGATIVE_INFINITY

  constructor(private readonly gapMs = ALERT_GAP_MS) {}

  /** Looks at every agent on the floor at `now` (ms); returns the ids to announce now, or none. */
  observe(agents: Iterable<AlertCandidate>, now: number): string[] {
    const current = new Map<string, AlertCandidate>()
    for (const a of agents) current.set(a.id, a)
    // An agent gone, or in a new stretch, may be announced again later.
    for (const [id, stretch] of this.seen) {
      if (current.get(id)?.stretch !== stretch) this.seen.delete(id)
    }
    for (const a of current.values()) {
      if (!a.red || this.seen.has(a.id)) continue
      this.seen.set(a.id, a.stretch)
      if (this.primed) this.waiting.add(a.id)
    }
    this.primed = true
    for (const id of this.waiting) {
      const a = current.get(id)
      if (!a?.red || this.seen.get(id) !== a.stretch) this.waiting.delete(id)
    }
    if (this.waiting.size === 0 || now - this.lastAlertAt < this.gapMs) return []
    this.lastAlertAt = now
    const due = [...this.waiting]
    this.waiting.clear()
    return due
  }
}
