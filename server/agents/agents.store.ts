import type { AgentView, Monitor } from '@/shared/floor'
import { compareSerials } from '@/shared/serial'
import type { AgentStateEvent } from '@/shared/webhooks'
import type { WriteBatcher } from '../db/write-batcher'
import type { AgentsRepo } from './agents.repo'
import type { CustomerNumbers } from './customer-numbers'

/** What became of an agent event: it changed the floor, or it was older than what is held, or seen before. */
export type ApplyResult = 'applied' | 'stale' | 'duplicate'

/**
 * The view an event describes. `receivedAt` (epoch ms) stands in for a state change time the
 * platform did not give, in neither `stateChangeTime` nor `timestamp`.
 */
export function viewOf(e: AgentStateEvent, receivedAt: number): AgentView {
  return {
    id: e.id,
    name: e.name,
    namespace: e.namespace,
    acState: e.acState.state,
    acStateRaw: e.acState.state === e.acState.raw ? null : e.acState.raw,
    lastACState: e.lastACState?.state ?? null,
    stateSince: e.stateChangeTime ?? receivedAt,
    ...(e.approxTime ? { approxTime: true } : {}),
    callId: e.callId,
    customerNumber: e.callId ? (e.customerNumber ?? e.caller ?? e.ani) : null,
    channelAddr: e.channelAddr,
    skills: e.skills,
    workSkill: e.workSkill,
    org: { id: e.orgId, name: e.orgName, treePos: e.orgTreePos },
    reason: e.reason,
    serial: e.serial,
  }
}

/**
 * Orders two views of one agent: by serial, then by state change time. Positive when `a`
 * is newer, 0 when they are the same event.
 *
 * §7.3 promises unique serials, not increasing ones across a platform restart or fail-over,
 * so serials are only trusted between events close in time: when the two states began more
 * than `resetMs` apart, the later one is newer whatever its serial (a restarted counter's
 * first events win, and a late event of the old counter does not move the tile back). A time
 * the platform did not give (`approxTime`) never overrules a serial.
 */
export function compareViews(a: AgentView, b: AgentView, resetMs = Infinity): number {
  const apart = a.stateSince - b.stateSince
  if (Math.abs(apart) > resetMs && !a.approxTime && !b.approxTime) return apart
  return compareSerials(a.serial, b.serial) || apart
}

/** The call began with the first state that named it; a later state of the same call keeps that. */
function callSinceOf(view: AgentView, held: AgentView | undefined): number | null {
  if (view.callId === null) return null
  if (held?.callId === view.callId) return held.callSince ?? held.stateSince
  return view.stateSince
}

export interface AgentsStoreOptions {
  /** A lower serial wins when its state began this much later than the held one's, ms. */
  serialResetMs: number
  /** Told when a lower serial wins by its time: once per agent per reset (logged as a warning). */
  onSerialReset?: (next: AgentView, held: AgentView) => void
}

/** Default margin of a serial reset, ms (SERIAL_RESET_SEC). */
export const SERIAL_RESET_MS = 60_000

/**
 * The live floor: per namespace, per agent, the newest state the platform reported.
 * Every event is also written to the repo (older ones too: they belong in the agent's
 * timeline); the caller answers the platform once `persisted` settles, so a restart rebuilds
 * exactly what was acknowledged.
 */
export class AgentsStore {
  private readonly floors = new Map<string, Map<string, AgentView>>()

  constructor(
    private readonly repo: AgentsRepo,
    private readonly writes: WriteBatcher,
    private readonly onChange: (view: AgentView) => void,
    private readonly opts: AgentsStoreOptions = { serialResetMs: SERIAL_RESET_MS },
    /** Where the customer's number of a call is kept and looked up; none: only what events say. */
    private readonly numbers?: CustomerNumbers,
  ) {
    // A rolled-back batch's new rows are gone: the repo's cached ids of them too, and the
    // events it had gathered. A batch's events are stored together just before it commits.
    writes.onRollback(() => repo.rolledBack())
    writes.beforeCommit((trx) => repo.flushStaged(trx))
  }

  /**
   * The customer's calls of the day for an agent on a call (see `CallsStore.callerCallsFor`),
   * when the number is a repeat caller; unset: views carry no count.
   */
  callerCalls: ((view: AgentView) => number | undefined) | null = null

  /**
   * Counts again the customer's calls of the day shown by the agents of a tenant (all tenants:
   * `namespace` null) on a call with `digits` (any number: null): a call of that number ended,
   * the day was counted again, or a new day began. Agents whose count changed are announced.
   */
  recountCallers(namespace: string | null, matches: ((number: string) => boolean) | null): void {
    const floors = namespace === null ? [...this.floors.values()] : [this.floors.get(namespace)]
    for (const floor of floors) {
      if (!floor) continue
      for (const held of floor.values()) {
        if (held.customerNumber === null && held.callerCallsToday === undefined) continue
        if (matches && held.customerNumber !== null && !matches(held.customerNumber)) continue
        const view = { ...held }
        this.withCallerCalls(view)
        if (view.callerCallsToday === held.callerCallsToday) continue
        floor.set(view.id, view)
        this.onChange(view)
      }
    }
  }

  /** Restores the floor as it was last acknowledged (before the relay answers anything). */
  async load(): Promise<void> {
    for (const view of await this.repo.loadLatest()) this.floorOf(view.namespace).set(view.id, view)
  }

  /**
   * Reads the acknowledged floor from the store again and shows what is newer than what this
   * process holds (in a cluster: what another process stored and could not pass on, e.g. it was
   * killed between its commit and its announcement). Never moves an agent backwards. Returns the
   * agents that changed.
   */
  async reconcile(): Promise<AgentView[]> {
    const changed: AgentView[] = []
    for (const view of await this.repo.loadLatest()) {
      const held = this.get(view.namespace, view.id)
      if (held && compareViews(view, held, this.opts.serialResetMs) <= 0) continue
      if (this.applyView(view) === 'applied') changed.push(view)
    }
    return changed
  }

  /**
   * Applies one event received at `receivedAt` (epoch ms). `store: false`: another relay
   * process of the cluster received and stored it; this one only shows it.
   */
  apply(
    event: AgentStateEvent,
    receivedAt: number,
    opts: { store?: boolean } = {},
  ): { result: ApplyResult; persisted: Promise<void> } {
    const view = viewOf(event, receivedAt)
    const result = this.applyView(view)
    // The floor decided what the agent's latest event is; the store follows it, so a restart
    // shows the same (a serial reset included).
    const latest = result === 'applied'
    if (opts.store === false) return { result, persisted: Promise.resolve() }
    const persisted = this.writes.write(async (trx) => {
      await this.repo.stage(trx, view, latest)
    })
    return { result, persisted }
  }

  private applyView(view: AgentView): ApplyResult {
    const held = this.floors.get(view.namespace)?.get(view.id)
    if (held) {
      const order = compareViews(view, held, this.opts.serialResetMs)
      if (order === 0) return 'duplicate'
      if (order < 0) return 'stale'
      if (compareSerials(view.serial, held.serial) < 0) this.opts.onSerialReset?.(view, held)
    }
    // Supervisors stay listening or joined while the agent is on the same call.
    if (held?.monitors && view.callId !== null && held.callId === view.callId)
      view.monitors = held.monitors
    view.callSince = callSinceOf(view, held)
    this.withNumber(view)
    this.withCallerCalls(view)
    this.floorOf(view.namespace).set(view.id, view)
    this.onChange(view)
    if (view.callId !== null && view.customerNumber === null)
      this.numbers?.want(view.namespace, view.callId)
    return 'applied'
  }

  /** Fills the view's customer number from what is known of its call, or keeps what it says. */
  private withNumber(view: AgentView): void {
    if (view.callId === null || !this.numbers) return
    if (view.customerNumber !== null)
      this.numbers.learn(view.namespace, view.callId, view.customerNumber)
    else view.customerNumber = this.numbers.known(view.namespace, view.callId)
  }

  /** Sets (or leaves out) the customer's calls of the day on a view about to be held. */
  private withCallerCalls(view: AgentView): void {
    const n = this.callerCalls?.(view)
    if (n === undefined) delete view.callerCallsToday
    else view.callerCallsToday = n
  }

  /** A callEnd named the call's customer: agents still on it (in after-call work) show it. */
  callNumber(namespace: string, callId: string, number: string): void {
    if (this.numbers) this.numbers.learn(namespace, callId, number)
    else this.numberFound(namespace, callId, number)
  }

  /**
   * A call's customer number became known (a lookup answered, or its callEnd came): every
   * agent still on that call shows it.
   */
  numberFound(namespace: string, callId: string, number: string): void {
    const floor = this.floors.get(namespace)
    if (!floor) return
    for (const held of floor.values()) {
      if (held.callId !== callId || held.customerNumber === number) continue
      const view = { ...held, customerNumber: number }
      this.withCallerCalls(view)
      floor.set(view.id, view)
      this.onChange(view)
    }
  }

  /** Records a supervisor listening to or joined into the agent's current call. */
  addMonitor(namespace: string, agentId: string, monitor: Monitor): void {
    const held = this.get(namespace, agentId)
    if (!held?.callId) return
    const others = (held.monitors ?? []).filter((m) => m.by !== monitor.by || m.op !== monitor.op)
    const view = { ...held, monitors: [...others, monitor] }
    this.floorOf(namespace).set(agentId, view)
    this.onChange(view)
  }

  /** Forgets a supervisor's listen to (or join into) the agent's call: they left it. */
  removeMonitor(namespace: string, agentId: string, by: string, op: Monitor['op']): void {
    const held = this.get(namespace, agentId)
    const monitors = held?.monitors ?? []
    const left = monitors.filter((m) => m.by !== by || m.op !== op)
    if (!held || left.length === monitors.length) return
    const view = { ...held, monitors: left }
    this.floorOf(namespace).set(agentId, view)
    this.onChange(view)
  }

  get(namespace: string, agentId: string): AgentView | undefined {
    return this.floors.get(namespace)?.get(agentId)
  }

  list(namespace: string): AgentView[] {
    return [...(this.floors.get(namespace)?.values() ?? [])]
  }

  /** The tenants the floor holds agents of. */
  namespaces(): string[] {
    return [...this.floors.keys()]
  }

  count(): number {
    let n = 0
    for (const floor of this.floors.values()) n += floor.size
    return n
  }

  private floorOf(namespace: string): Map<string, AgentView> {
    let floor = this.floors.get(namespace)
    if (!floor) {
      floor = new Map()
      this.floors.set(namespace, floor)
    }
    return floor
  }
}
