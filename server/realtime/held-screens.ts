import { LATEST_CALLS_MAX } from '@/shared/events'
import type { AgentPatch, AgentView, CallSummary, FloorChange, TodayFigures } from '@/shared/floor'
import type { CallBacks } from '@/shared/outbound'
import { patchOf } from './agent-patch'

/** The part of an engine.io connection that tells whether it has unsent data. */
export interface ScreenConnection {
  transport: { writable: boolean }
  writeBuffer: unknown[]
}

/**
 * The connection still has data on its way to the screen: engine.io's transport is not
 * writable until the last write reached the kernel (a websocket whose peer reads nothing stays
 * so), and packets wait in its write buffer meanwhile.
 */
export function connectionBusy(conn: ScreenConnection): boolean {
  return !conn.transport.writable || conn.writeBuffer.length > 0
}

/** An agent in a batch of a room, as a held screen folds it in. */
export interface HeldChange {
  /** Its view now. */
  view: AgentView
  /** The view the room's screens hold of it before this batch; null when they hold none. */
  base: AgentView | null
}

/** One batch of a room, as a held screen folds it in. */
export interface RoomBatch {
  /** Every agent of the batch this audience sees. */
  agents: readonly HeldChange[]
  removed: readonly string[]
  figures: TodayFigures | null
  calls: readonly CallSummary[]
  callBacks: CallBacks | null
  lastEventAt: number | null
}

interface Held {
  /** The last seq this screen got (batch, snapshot or catch-up): its catch-up starts after it. */
  from: number
  /**
   * Per agent: the view the screen holds (as of the first batch it missed; null if none) and
   * its latest, null when it left the screen's view.
   */
  agents: Map<string, { base: AgentView | null; view: AgentView | null }>
  figures: TodayFigures | null
  /** The ended calls it missed, newest last: no more than the latest-calls feed shows. */
  calls: CallSummary[]
  callBacks: CallBacks | null
  lastEventAt: number | null
}

/**
 * Screens whose connection is busy (a slow network, a tab the browser throttles, a reader that
 * stopped): the room's batches skip them, and what they missed is kept here, one view per agent
 * (the latest wins), the latest figures and call backs, and the last calls. When the connection
 * is free they get it as one catch-up batch. However long a screen reads nothing, the relay
 * holds at most one view per agent for it, not a queue of batches.
 */
export class HeldScreens {
  private readonly held = new Map<string, Held>()

  has(socketId: string): boolean {
    return this.held.has(socketId)
  }

  /** The screens held now. */
  ids(): string[] {
    return [...this.held.keys()]
  }

  /** Views held for one screen (for tests and the benchmark's bound). */
  viewsOf(socketId: string): number {
    return this.held.get(socketId)?.agents.size ?? 0
  }

  /** The screen is left out of a batch of its room; `from` is the room's seq before it. */
  hold(socketId: string, from: number): void {
    if (this.held.has(socketId)) return
    this.held.set(socketId, {
      from,
      agents: new Map(),
      figures: null,
      calls: [],
      callBacks: null,
      lastEventAt: null,
    })
  }

  /** Folds a batch the screen was left out of into what it will be sent. */
  add(socketId: string, batch: RoomBatch): void {
    const h = this.held.get(socketId)
    if (!h) return
    for (const { view, base } of batch.agents) {
      const held = h.agents.get(view.id)
      if (held) held.view = view
      else h.agents.set(view.id, { base, view })
    }
    for (const id of batch.removed) {
      const held = h.agents.get(id)
      if (held) held.view = null
      else h.agents.set(id, { base: null, view: null })
    }
    if (batch.figures) h.figures = batch.figures
    if (batch.calls.length > 0) h.calls = [...h.calls, ...batch.calls].slice(-LATEST_CALLS_MAX)
    if (batch.callBacks) h.callBacks = batch.callBacks
    if (batch.lastEventAt !== null) h.lastEventAt = batch.lastEventAt
  }

  /**
   * The one batch that brings the screen from its last seq to `roomSeq`, and forgets it. An
   * agent the screen holds comes as a patch over the view it holds, any other whole.
   */
  catchUp(socketId: string, roomSeq: number, serverTime: number): FloorChange | null {
    const h = this.held.get(socketId)
    if (!h) return null
    this.held.delete(socketId)
    if (roomSeq <= h.from) return null
    const agents: AgentView[] = []
    const patches: AgentPatch[] = []
    const removed: string[] = []
    for (const [id, { base, view }] of h.agents) {
      if (!view) removed.push(id)
      else if (!base) agents.push(view)
      else {
        const patch = patchOf(base, view)
        // Changed and back again: nothing to send.
        if (Object.keys(patch).length > 1) patches.push(patch)
      }
    }
    return {
      seq: h.from + 1,
      ...(roomSeq > h.from + 1 ? { upTo: roomSeq } : {}),
      serverTime,
      agents,
      ...(patches.length > 0 ? { patches } : {}),
      ...(removed.length > 0 ? { removed } : {}),
      ...(h.figures ? { figures: h.figures } : {}),
      ...(h.calls.length > 0 ? { calls: h.calls } : {}),
      ...(h.callBacks ? { callBacks: h.callBacks } : {}),
      lastEventAt: h.lastEventAt,
    }
  }

  /** The screen got a snapshot or left: nothing it missed is owed any more. */
  release(socketId: string): void {
    this.held.delete(socketId)
  }
}
