import type { Socket } from 'socket.io-client'
import type { AgentView, FloorChange, FloorSnapshot } from '@/shared/floor'

/**
 * A measured screen's copy of the floor, kept as the SPA keeps it: a snapshot, then each batch
 * in `seq` order (a catch-up moves it on to `upTo`). Counts the gaps (batches a real screen
 * would have resynced for), and at the end compares itself with a fresh snapshot: an agent whose
 * latest state never reached the screen is a lost event.
 */
export class ScreenFloor {
  private readonly agents = new Map<string, AgentView>()
  private seq: number | null = null
  gaps = 0
  catchUps = 0
  /** The most agents one catch-up carried. */
  largestCatchUp = 0

  take(s: FloorSnapshot): void {
    this.agents.clear()
    for (const a of s.agents) this.agents.set(a.id, a)
    this.seq = s.seq
  }

  apply(c: FloorChange): void {
    if (this.seq !== null && c.seq !== this.seq + 1) this.gaps += 1
    for (const a of c.agents) this.agents.set(a.id, a)
    for (const p of c.patches ?? []) {
      const held = this.agents.get(p.id)
      if (held) this.agents.set(p.id, { ...held, ...p })
    }
    for (const id of c.removed ?? []) this.agents.delete(id)
    if (c.upTo !== undefined) {
      this.catchUps += 1
      const named = c.agents.length + (c.patches?.length ?? 0)
      this.largestCatchUp = Math.max(this.largestCatchUp, named)
    }
    this.seq = c.upTo ?? c.seq
  }

  /** Agents whose state here differs from the relay's snapshot `s`. */
  differences(s: FloorSnapshot): number {
    let differ = 0
    for (const a of s.agents) if (this.agents.get(a.id)?.serial !== a.serial) differ += 1
    return differ
  }
}

/** The floor of a socket.io screen, kept from its snapshot and batches. */
export function followSocket(socket: Socket): ScreenFloor {
  const floor = new ScreenFloor()
  socket.on('floor:snapshot', (s: FloorSnapshot) => floor.take(s))
  socket.on('floor:changed', (c: FloorChange) => floor.apply(c))
  return floor
}

/** Agents whose state on the screen differs from the relay's now (asks for a snapshot). */
export function lostOn(socket: Socket, floor: ScreenFloor): Promise<number> {
  return new Promise((resolve) => {
    socket.timeout(10_000).emit('floor:resync', (err: Error | null, s: FloorSnapshot) => {
      resolve(err ? Number.NaN : floor.differences(s))
    })
  })
}
