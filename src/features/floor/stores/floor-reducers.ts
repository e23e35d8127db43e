import type {
  AgentView,
  CallSummary,
  FloorChange,
  FloorHeartbeat,
  FloorSnapshot,
  TodayFigures,
} from '@/shared/floor'
import { LATEST_CALLS_MAX } from '@/shared/events'
import type { CallBacks } from '@/shared/call-backs'
import type { ChangeOutcome } from '@/lib/floor-sink'

/** The floor as the page knows it; every update makes a new object (zustand compares by identity). */
export interface FloorData {
  /** A snapshot has arrived since the page opened: until then the grid shows skeletons. */
  loaded: boolean
  /** `seq` continues the server's: false before the first snapshot and after an unrecovered reconnect. */
  synced: boolean
  namespace: string | null
  /** Agents by id. An agent's object is replaced, never mutated, so a tile can compare by identity. */
  agents: Readonly<Record<string, AgentView>>
  /** Every agent id, sorted: the stable base order that filters and sorts start from. */
  ids: readonly string[]
  /**
   * Replaced (a new object) only when who is on the floor, or an agent's skills or department,
   * changed: what is derived from those alone (the filters' choices) is recomputed then, not on
   * every state change of a 5,000-agent floor.
   */
  roster: object
  /**
   * What the last batch that replaced `agents` changed, so what is derived over the whole floor
   * (counts, order, breach levels) can be updated from the agents it names instead of from all
   * of them. Null after a snapshot.
   */
  delta: FloorDelta | null
  figures: TodayFigures | null
  /** Ended calls, oldest first, at most LATEST_CALLS_MAX. */
  latestCalls: readonly CallSummary[]
  /** Today's abandoned callers still to call back, and how fast they were reached; null until sent. */
  callBacks: CallBacks | null
  /** Sequence number of the last batch applied. */
  seq: number
  /** When the relay last heard from the platform, server clock, epoch ms. */
  lastEventAt: number | null
}

/** The step from one `agents` record to the next: the agents a batch replaced. */
export interface FloorDelta {
  /** The record the batch was applied to. */
  from: Readonly<Record<string, AgentView>>
  /** Ids whose view the batch replaced, added or removed (one may come more than once). */
  changed: readonly string[]
}

/**
 * The agents replaced between `prev` and `floor.agents`: none when they are the same record,
 * the last batch's when it was applied to `prev`, and null when that is not known (several
 * batches apart, or a snapshot between): then whatever is derived must be derived again whole.
 */
export function changedSince(
  prev: Readonly<Record<string, AgentView>>,
  floor: Pick<FloorData, 'agents' | 'delta'>,
): readonly string[] | null {
  if (floor.agents === prev) return []
  return floor.delta?.from === prev ? floor.delta.changed : null
}

export const EMPTY_FLOOR: FloorData = {
  loaded: false,
  synced: false,
  namespace: null,
  agents: {},
  ids: [],
  roster: {},
  delta: null,
  figures: null,
  latestCalls: [],
  callBacks: null,
  seq: 0,
  lastEventAt: null,
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A snapshot replaces everything. */
export function applySnapshot(snapshot: FloorSnapshot): FloorData {
  const agents: Record<string, AgentView> = {}
  for (const agent of snapshot.agents) agents[agent.id] = agent
  return {
    loaded: true,
    synced: true,
    namespace: snapshot.namespace,
    agents,
    ids: Object.keys(agents).sort(byId),
    roster: {},
    delta: null,
    figures: snapshot.figures,
    latestCalls: appendCalls([], snapshot.latestCalls),
    callBacks: snapshot.callBacks ?? null,
    seq: snapshot.seq,
    lastEventAt: snapshot.lastEventAt,
  }
}

/**
 * Applies the batch that follows `floor.seq`: each whole agent in it replaces the one we hold,
 * each patch is laid over the one we hold, and the agents it names as `removed` are dropped.
 * A batch before any snapshot, or one that skips a number, is a gap: the caller resyncs.
 * A batch we already have (seq at or below ours, e.g. in flight while a resync ran) is dropped.
 */
export function applyChange(
  floor: FloorData,
  change: FloorChange,
): { outcome: 'applied'; floor: FloorData } | { outcome: Exclude<ChangeOutcome, 'applied'> } {
  if (!floor.synced) return { outcome: 'gap' }
  if (change.seq <= floor.seq) return { outcome: 'duplicate' }
  if (change.seq !== floor.seq + 1) return { outcome: 'gap' }

  // A patch for an agent we do not hold: a batch went missing after all.
  const patches = change.patches ?? []
  if (patches.some((p) => !(p.id in floor.agents))) return { outcome: 'gap' }

  let { agents, ids, roster } = floor
  if (change.agents.length > 0 || patches.length > 0) {
    const next: Record<string, AgentView> = { ...agents }
    let joined = false
    let moved = false
    for (const agent of change.agents) {
      const held = next[agent.id]
      if (!held) joined = true
      else if (!sameRoster(held, agent)) moved = true
      next[agent.id] = agent
    }
    // Only what changed comes in a patch; the agent's view is still replaced, not mutated.
    for (const patch of patches) {
      if ('skills' in patch || 'org' in patch) moved = true
      next[patch.id] = { ...next[patch.id]!, ...patch }
    }
    if (joined || moved) roster = {}
    agents = next
    // The id list changes only when someone joins, not on every state change.
    if (joined) ids = Object.keys(next).sort(byId)
  }
  // Agents that left this screen's scope (moved department, lost a skill): drop their tiles.
  const removed = (change.removed ?? []).filter((id) => id in agents)
  let delta = floor.delta
  if (agents !== floor.agents || removed.length > 0) {
    delta = {
      from: floor.agents,
      changed: [...change.agents.map((a) => a.id), ...patches.map((p) => p.id), ...removed],
    }
  }
  if (removed.length > 0) {
    const next: Record<string, AgentView> = { ...agents }
    for (const id of removed) delete next[id]
    agents = next
    const gone = new Set(removed)
    ids = ids.filter((id) => !gone.has(id))
    roster = {}
  }
  const calls = change.calls ?? []
  return {
    outcome: 'applied',
    floor: {
      ...floor,
      agents,
      ids,
      roster,
      delta,
      figures: change.figures ?? floor.figures,
      latestCalls: calls.length > 0 ? appendCalls(floor.latestCalls, calls) : floor.latestCalls,
      // Sent whole when it changed; absent means as before.
      callBacks: change.callBacks ?? floor.callBacks,
      // A catch-up (a screen the relay held back while its connection was busy) stands for
      // every batch up to `upTo`: the next one follows that.
      seq: change.upTo !== undefined && change.upTo > change.seq ? change.upTo : change.seq,
      lastEventAt: change.lastEventAt ?? floor.lastEventAt,
    },
  }
}

/** The same skills and department: what the filters' choices are made of. */
function sameRoster(a: AgentView, b: AgentView): boolean {
  return (
    a.org.id === b.org.id &&
    a.org.name === b.org.name &&
    a.org.treePos === b.org.treePos &&
    a.skills.length === b.skills.length &&
    a.skills.every((s, i) => s === b.skills[i])
  )
}

/**
 * Appends ended calls, newest last, keeping each call once: a call in the snapshot can come
 * again in the next batch, and the platform retries callEnd webhooks.
 */
function appendCalls(kept: readonly CallSummary[], added: readonly CallSummary[]): CallSummary[] {
  const addedIds = new Set(added.map((c) => c.callId))
  const unique = new Map<string, CallSummary>()
  for (const c of added) unique.set(c.callId, c) // the last copy in a batch wins
  return [...kept.filter((c) => !addedIds.has(c.callId)), ...unique.values()].slice(
    -LATEST_CALLS_MAX,
  )
}

/** A heartbeat names the server's last seq: if it is ahead of ours, a batch went missing. */
export function heartbeatIsAhead(floor: FloorData, beat: FloorHeartbeat): boolean {
  return floor.synced && beat.seq > floor.seq
}
