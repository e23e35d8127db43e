import type { Monitor } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import type { AgentStateEvent } from '@/shared/webhooks'
import type { WriteBatcher } from '../db/write-batcher'
import type { AgentsRepo } from './agents.repo'
import type { CustomerNumbers } from './customer-numbers'

/** What became of an agent event: it changed the floor, or it was older than what is held, or seen before. */
export type ApplyResult = 'applied' | 'stale' | 'duplicate'

/** The view an event describes. */
export function viewOf(e: AgentStateEvent): AgentView {
  return {
    id: e.id,
    name: e.name,
    namespace: e.namespace,
    acState: e.acState.state,
    acStateRaw: e.acState.state === e.acState.raw ? null : e.acState.raw,
    lastACState: e.lastACState?.state ?? null,
    stateSince: e.stateChangeTime,
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
 */
export function compareViews(a: AgentView, b: AgentView): number {
  if (a.serial !== b.serial) return a.serial - b.serial
  return a.stateSince - b.stateSince
}

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
    /** Where the customer's number of a call is kept and looked up; none: only what events say. */
    private readonly numbers?: CustomerNumbers,
  ) {
    for (const view of repo.loadLatest()) this.floorOf(view.namespace).set(view.id, view)
  }

  apply(event: AgentStateEvent): { result: ApplyResult; persisted: Promise<void> } {
    const view = viewOf(event)
    const persisted = this.writes.write(() => this.repo.insert(view))
    return { result: this.applyView(view), persisted }
  }

  private applyView(view: AgentView): ApplyResult {
    const held = this.floors.get(view.namespace)?.get(view.id)
    if (held) {
      const order = compareViews(view, held)
      if (order === 0) return 'duplicate'
      if (order < 0) return 'stale'
    }
    // Supervisors stay listening or joined while the agent is on the same call.
    if (held?.monitors && view.callId !== null && held.callId === view.callId)
      view.monitors = held.monitors
    this.withNumber(view)
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

  get(namespace: string, agentId: string): AgentView | undefined {
    return this.floors.get(namespace)?.get(agentId)
  }

  list(namespace: string): AgentView[] {
    return [...(this.floors.get(namespace)?.values() ?? [])]
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
