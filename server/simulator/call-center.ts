import type { AcState } from '../../src/shared/ac-state'
import { type Agent, createRoster, skillId } from './agent-model'
import {
  type Call,
  type CallOrigin,
  type CallRecord,
  type CallType,
  type EndReason,
  type Segment,
  closeSegments,
  seconds,
} from './call-model'
import type { Clock } from './clock'
import { isFlat, LOAD_PROFILES, type LoadProfile, type LoadStep } from './load-profile'
import { customerArea, mobileNumber } from './names'
import type { Random } from './random'
import { RepeatCustomers } from './repeat-customers'
import { ROBOT_LINE } from './robot-calls'
import { insertByWait, longestIdleAgent, longestWaitingCall } from './routing'
import { DEFAULT_TIMING, type SimTiming, type Span } from './sim-timing'
import type { Timer } from './timer-queue'

/** The state an agent left: what `lastACState` and friends report. */
export interface PreviousState {
  state: AcState
  since: number
}

/** Where the model's events go; called synchronously, in order of occurrence. */
export interface CallCenterListener {
  agentState(agent: Agent, previous: PreviousState): void
  callEnded(record: CallRecord): void
}

export interface CallCenterOptions {
  clock: Clock
  rng: Random
  agents: number
  skills: number
  namespace: string
  /** Calls per simulated minute across the floor. */
  inboundPerMin: number
  outboundPerMin: number
  /** How the inbound rate moves over simulated time; flat (the base rate) when absent. */
  load?: LoadProfile
  timing?: Partial<SimTiming>
  listener: CallCenterListener
}

/** Reason on the changes an agent makes (login, breaks, hold, dialling); call progress has none. */
const AGENT_OPERATION = 'AgentOperation'
// A supervisor's forceNotReady / forceLogout (班长锁定坐席) and forceReady (班长解锁坐席).
const MONITOR_LOCK = 'MonitorLock'
const MONITOR_UNLOCK = 'MonitorUnlock'

/** The states a supervisor can force an agent into. */
export type ForcedState = 'Available' | 'Aux' | 'LogOut'

// The tenant's numbers, after the seed's examples.
const HOTLINE = '33255500' // dnis of inbound calls
const DISPLAY_NUMBER = '33255540' // shown to customers on outbound calls
const TRUNK = 'SCM_021'

/** A double call (seed 003 §6) the API took: checked already, the extension with its domain. */
export interface DoubleCallRequest {
  device: string
  prefix: string
  customerPhone: string
  userData: Record<string, string>
  /** Number shown to the customer (`options.displayOrigin`); null: the tenant's usual one. */
  displayOrigin: string | null
}

/** An instant auto-outbound call (seed 003 §5.1) the API took, checked already. */
export interface InstantOutboundRequest {
  callee: string
  /** Where the answered call goes: an extension with its domain, or an outside number. */
  caller: string
  data: Record<string, string>
  campaignInfo: Record<string, string>
}

/**
 * The simulated call center: agents, calls, skill-group queues and the clock-driven
 * steps between them. It emits every agent state change and every ended call through the
 * listener and knows nothing of HTTP. All changes to an agent go through `setState`, and
 * every pending step lives in a timer on the agent or the call, so an outside command
 * (force Ready, drop a call) can cancel the step and move the state itself.
 */
export class CallCenter {
  readonly agents: readonly Agent[]
  readonly skillIds: readonly string[]
  private readonly byId: ReadonlyMap<string, Agent>
  private readonly calls = new Map<string, Call>()
  private readonly queues = new Map<string, Call[]>()
  private readonly arrivals = new Map<string, Timer>()
  /** The inbound processes, each at its base rate: re-armed when the load changes. */
  private readonly inboundArrivals: { name: string; perMin: number; fn: () => void }[] = []
  private readonly load: LoadProfile
  private loadStep: LoadStep | null = null
  private loadTimer: Timer | null = null
  private readonly timing: SimTiming
  private readonly clock: Clock
  private readonly rng: Random
  private endedCount = 0
  /** The numbers inbound calls come from, some of them several times a day. */
  private readonly callers: RepeatCustomers

  constructor(private readonly opts: CallCenterOptions) {
    this.clock = opts.clock
    this.rng = opts.rng
    this.callers = new RepeatCustomers(opts.rng)
    this.timing = { ...DEFAULT_TIMING, ...opts.timing }
    this.load = opts.load ?? LOAD_PROFILES.flat
    this.skillIds = Array.from({ length: opts.skills }, (_, i) => skillId(i, opts.namespace))
    for (const s of this.skillIds) this.queues.set(s, [])
    this.agents = createRoster(opts.rng, opts.agents, opts.skills, opts.namespace, this.clock.now())
    this.byId = new Map(this.agents.map((a) => [a.id, a]))
  }

  /** Logs the floor in over the first seconds and starts the arrival processes. */
  start(): void {
    const t = this.timing
    for (const agent of this.agents) {
      const delay = this.rng.chance(t.startLoggedOutShare)
        ? this.rng.exponential(t.loggedOutMeanMs)
        : this.rng.uniform(0, t.loginSpreadMs)
      this.agentAfter(agent, delay, () => this.login(agent))
    }
    // Skill groups get unequal shares (1, 1/2, 1/3, …), so some queues run hotter than others.
    const weights = this.skillIds.map((_, i) => 1 / (i + 1))
    const total = weights.reduce((a, b) => a + b, 0)
    this.skillIds.forEach((skill, i) => {
      const perMin = (this.opts.inboundPerMin * (weights[i] ?? 0)) / total
      this.inboundArrivals.push({ name: `inbound ${skill}`, perMin, fn: () => this.inbound(skill) })
    })
    // A flat load draws exactly as before, so seeded runs of tests stay the same.
    if (isFlat(this.load))
      for (const a of this.inboundArrivals) this.poisson(a.name, a.perMin, a.fn)
    else this.applyLoad(0)
    this.poisson('outbound', this.opts.outboundPerMin, () => this.outbound())
  }

  /** The load step in force (null on a flat load). */
  get currentLoad(): LoadStep | null {
    return this.loadStep
  }

  /**
   * Puts step `index` of the load in force: every inbound process is drawn again at its new
   * rate (arrivals are memoryless, so starting afresh changes nothing else), and the next step
   * follows after this one's simulated minutes.
   */
  private applyLoad(index: number): void {
    const step = this.load.steps[index % this.load.steps.length]!
    this.loadStep = step
    for (const a of this.inboundArrivals) {
      this.clock.cancel(this.arrivals.get(a.name))
      this.arrivals.delete(a.name)
      this.poisson(a.name, a.perMin * step.factor, a.fn)
    }
    this.loadTimer = this.clock.schedule(step.minutes * 60_000, () => this.applyLoad(index + 1))
  }

  /** Cancels every pending step; the floor freezes as it is. */
  stop(): void {
    for (const t of this.arrivals.values()) this.clock.cancel(t)
    this.arrivals.clear()
    this.clock.cancel(this.loadTimer)
    this.loadTimer = null
    for (const a of this.agents) this.clock.cancel(a.timer)
    for (const c of this.calls.values()) {
      this.clock.cancel(c.timer)
      this.clock.cancel(c.patience)
    }
  }

  agent(id: string): Agent | undefined {
    return this.byId.get(id)
  }

  /** Calls in progress (in IVR, queued, ringing or connected). */
  activeCalls(): Call[] {
    return [...this.calls.values()]
  }

  queueLength(skill: string): number {
    return this.queues.get(skill)?.length ?? 0
  }

  get callsEnded(): number {
    return this.endedCount
  }

  // ---- agent's day: logins, breaks, logouts ----

  private login(agent: Agent): void {
    const t = this.timing
    const now = this.clock.now()
    agent.breakDueAt = now + this.rng.exponential(t.breakEveryMeanMs)
    agent.logoutDueAt = now + this.rng.exponential(t.logoutEveryMeanMs)
    if (this.rng.chance(t.loginViaAuxShare)) {
      this.setState(agent, 'Aux', AGENT_OPERATION, null)
      this.agentAfter(agent, this.span(t.loginAux), () =>
        this.makeAvailable(agent, AGENT_OPERATION),
      )
    } else {
      this.makeAvailable(agent, AGENT_OPERATION)
    }
  }

  /** After a call (or a call that never connected): a due break or logout, else Available. */
  private afterWork(agent: Agent, reason: string | null): void {
    if (!this.takePersonalTime(agent)) this.makeAvailable(agent, reason)
  }

  private takePersonalTime(agent: Agent): boolean {
    const t = this.timing
    const now = this.clock.now()
    if (now >= agent.logoutDueAt) {
      this.logOut(agent, AGENT_OPERATION)
      return true
    }
    if (now >= agent.breakDueAt) {
      const length = t.breakMinMs + this.rng.exponential(t.breakMeanMs - t.breakMinMs)
      agent.breakDueAt = now + length + this.rng.exponential(t.breakEveryMeanMs)
      this.setState(agent, 'Aux', AGENT_OPERATION, null)
      this.agentAfter(agent, length, () => this.makeAvailable(agent, AGENT_OPERATION))
      return true
    }
    return false
  }

  /** Logged out until the next login, some time later. */
  private logOut(agent: Agent, reason: string): void {
    this.setState(agent, 'LogOut', reason, null)
    agent.breakDueAt = agent.logoutDueAt = Infinity
    this.agentAfter(agent, this.rng.exponential(this.timing.loggedOutMeanMs), () =>
      this.login(agent),
    )
  }

  /** Available: takes the longest-waiting call of its skills, else idles until its next break. */
  private makeAvailable(agent: Agent, reason: string | null): void {
    this.setState(agent, 'Available', reason, null)
    const call = longestWaitingCall(this.queues, agent.skills)
    if (call) {
      this.ring(call, agent)
      return
    }
    const due = Math.min(agent.breakDueAt, agent.logoutDueAt)
    if (Number.isFinite(due)) {
      this.agentAfter(agent, due - this.clock.now(), () => this.takePersonalTime(agent))
    }
  }

  // ---- inbound: IVR → queue → ringing → talking (→ hold) → ACW ----

  private inbound(skill: string): void {
    const phone = this.callers.nextCaller()
    const call = this.newCall('Inbound', phone, phone, HOTLINE, skill)
    const ns = this.opts.namespace
    const now = this.clock.now()
    // The route point hands the call to the welcome IVR at once; the IVR answers it.
    call.segments.push(
      { ...this.segment('RoutePoint', `9001@${ns}`, skill, now, now), endTime: now },
      this.segment('IVR', `9101@${ns}`, skill, now, now),
    )
    call.timer = this.clock.schedule(this.span(this.timing.ivr), () => this.enqueue(call))
  }

  private enqueue(call: Call): void {
    const skill = call.skillId
    if (skill === null) return
    const now = this.clock.now()
    closeSegments(call, now)
    call.phase = 'queued'
    call.timer = null
    call.queuedAt = now
    call.firstQueuedAt ??= now
    call.segments.push(this.segment('Queue', skill, skill, now, null))
    insertByWait(this.queues.get(skill) ?? [], call)
    // Patience runs only while queued: paused while an agent's phone rings, resumed on a ring-out.
    call.patienceLeftMs ??= this.rng.exponential(this.timing.patienceMeanMs)
    call.patience = this.clock.schedule(call.patienceLeftMs, () =>
      this.finish(call, 'QueueAbandon', call.customerPhone),
    )
    const agent = longestIdleAgent(this.agents, skill)
    if (agent) this.ring(call, agent)
  }

  private ring(call: Call, agent: Agent): void {
    const t = this.timing
    const now = this.clock.now()
    if (call.patience) call.patienceLeftMs = Math.max(0, call.patience.due - now)
    this.clock.cancel(call.patience)
    call.patience = null
    this.leaveQueue(call)
    closeSegments(call, now)
    call.phase = 'ringing'
    call.agent = agent
    call.firstAgent ??= agent
    call.ringStartedAt = now
    call.segments.push(this.segment('Station', agent.extension, call.skillId, now, null, agent.id))
    this.setState(agent, 'InboundRinging', null, call)
    call.timer = this.rng.chance(t.ringNoAnswerShare)
      ? this.clock.schedule(t.ringTimeoutMs, () => this.ringOut(call))
      : this.clock.schedule(this.span(t.ring), () => this.answer(call, t.talkMeanMs))
  }

  /** The agent let it ring: it goes Aux for a while and the call queues again in its place. */
  private ringOut(call: Call): void {
    const agent = call.agent
    if (!agent) return
    this.stopRinging(call)
    call.agent = null
    this.setState(agent, 'Aux', null, null)
    this.agentAfter(agent, this.span(this.timing.ringOutAux), () =>
      this.makeAvailable(agent, AGENT_OPERATION),
    )
    this.enqueue(call)
  }

  /**
   * The call connects: the agent (if any) talks. `answerTime` is the customer's answer, so an
   * instant outbound call handed to an agent keeps the time its customer picked up.
   */
  private answer(call: Call, talkMeanMs: number): void {
    const agent = call.agent
    // A call with nobody on our side has only its `device` (a desk phone, an outside number).
    if (!agent && call.device === null) return
    const now = this.clock.now()
    this.stopRinging(call)
    call.answerTime ??= now
    call.phase = 'talking'
    const station = call.segments.at(-1)
    if (station && station.answerTime === null) station.answerTime = now
    if (agent) this.setState(agent, talkingState(call), null, call)
    this.planTalk(call, talkMeanMs)
  }

  /** The talk time, with a hold somewhere in it now and then (only an agent holds). */
  private planTalk(call: Call, talkMeanMs: number): void {
    const t = this.timing
    const talk = t.talkMinMs + this.rng.exponential(Math.max(0, talkMeanMs - t.talkMinMs))
    if (call.agent && this.rng.chance(t.holdShare)) {
      const holdAt = talk * this.rng.uniform(0.2, 0.8)
      call.talkAfterHoldMs = talk - holdAt
      call.timer = this.clock.schedule(holdAt, () => this.hold(call))
    } else {
      call.timer = this.clock.schedule(talk, () => this.hangUp(call))
    }
  }

  private hold(call: Call): void {
    const agent = call.agent
    if (!agent) return
    call.phase = 'hold'
    this.setState(agent, 'Hold', AGENT_OPERATION, call)
    call.timer = this.clock.schedule(this.span(this.timing.hold), () => {
      call.phase = 'talking'
      this.setState(agent, talkingState(call), AGENT_OPERATION, call)
      call.timer = this.clock.schedule(call.talkAfterHoldMs, () => this.hangUp(call))
      call.talkAfterHoldMs = 0
    })
  }

  private hangUp(call: Call): void {
    const byCustomer = this.rng.chance(this.timing.customerHangupShare)
    // Our end of the line: the agent, the supervisor who took the call over, or the desk phone
    // or outside number an outbound call connected with no agent.
    const ours = call.agent?.extension ?? call.takenBy ?? call.device ?? call.customerPhone
    const device = byCustomer ? call.customerPhone : ours
    this.finish(call, byCustomer ? 'CustomerHangup' : 'AgentHangup', device)
  }

  // ---- a supervisor's force operations (CSTA); the caller has checked that they apply ----

  /** The call in progress with this id. */
  call(id: string): Call | undefined {
    return this.calls.get(id)
  }

  /** forceDrop: the call ends now, `device` hanging up; the agent wraps up as after any call. */
  dropCall(call: Call, device: string): void {
    this.finish(call, 'ForceDrop', device)
  }

  /**
   * forceJoin: `participant` joins a connected call. The agent is in Conference from now
   * until the call ends (a hold it had planned is skipped); the record says conferenced.
   */
  joinCall(call: Call, participant: string): void {
    if (!call.conferees.includes(participant)) call.conferees.push(participant)
    const agent = call.agent
    if (!agent || call.phase === 'conference') return
    this.planHangUp(call)
    call.phase = 'conference'
    this.setState(agent, 'Conference', null, call)
  }

  /**
   * forceTake: the call moves to `device` (the supervisor's phone). The agent leaves it and
   * wraps up; the call goes on for the talk time it had left and ends transferred.
   */
  takeCall(call: Call, device: string): void {
    const agent = call.agent
    const now = this.clock.now()
    this.planHangUp(call)
    closeSegments(call, now)
    call.segments.push(this.segment('Station', device, call.skillId, now, now))
    call.phase = 'taken'
    call.agent = null
    call.takenBy = device
    if (agent) this.wrapUp(agent)
  }

  /** forceListen: `device` hears the call; nobody's state changes. */
  listenIn(call: Call, device: string): void {
    if (!call.listeners.includes(device)) call.listeners.push(device)
  }

  /** forceDrop of a listener's own leg: `device` stops hearing the call, which goes on. */
  stopListening(call: Call, device: string): void {
    call.listeners = call.listeners.filter((d) => d !== device)
  }

  /**
   * forceReady / forceNotReady / forceLogout of an agent who is logged in and not on a
   * call. Nothing happens when the agent is in that state already. A forced Aux lasts
   * until the agent readies itself a few minutes later; a forced logout, until its next login.
   */
  forceAgentState(agent: Agent, state: ForcedState): void {
    if (agent.state === state) return
    switch (state) {
      case 'Available':
        this.makeAvailable(agent, MONITOR_UNLOCK)
        break
      case 'Aux':
        this.setState(agent, 'Aux', MONITOR_LOCK, null)
        this.agentAfter(agent, this.span(this.timing.forcedAux), () =>
          this.makeAvailable(agent, AGENT_OPERATION),
        )
        break
      case 'LogOut':
        this.logOut(agent, MONITOR_LOCK)
        break
    }
  }

  /** Replaces a connected call's next step by its hang-up after the talk time it has left. */
  private planHangUp(call: Call): void {
    const now = this.clock.now()
    const left = (call.timer ? Math.max(0, call.timer.due - now) : 0) + call.talkAfterHoldMs
    call.talkAfterHoldMs = 0
    this.clock.cancel(call.timer)
    call.timer = this.clock.schedule(left, () => this.hangUp(call))
  }

  // ---- manual outbound: ManualRinging → ManualTalking (or no answer) → ACW ----

  private outbound(): void {
    const idle = this.agents.filter((a) => a.state === 'Available')
    if (idle.length === 0) return
    const t = this.timing
    const agent = this.rng.pick(idle)
    const phone = mobileNumber(this.rng)
    const call = this.newCall('Outbound', phone, agent.extension, phone, null)
    const now = this.clock.now()
    call.phase = 'ringing'
    call.agent = call.firstAgent = agent
    call.ringStartedAt = now
    // The agent's own phone is off hook from the start: the station segment is answered.
    call.segments.push(this.segment('Station', agent.extension, null, now, now, agent.id))
    this.setState(agent, 'ManualRinging', AGENT_OPERATION, call)
    call.timer = this.rng.chance(t.outboundAnswerShare)
      ? this.clock.schedule(this.span(t.outboundRing), () =>
          this.answer(call, t.outboundTalkMeanMs),
        )
      : this.clock.schedule(this.span(t.outboundRing), () =>
          this.finish(call, 'NoAnswer', agent.extension),
        )
  }

  // ---- double call (seed 003 §6): our extension first, then the customer ----

  /** The agent whose extension (with its domain) this is, logged in or not. */
  agentOnExtension(extension: string): Agent | undefined {
    return this.agents.find((a) => a.extension === extension)
  }

  /**
   * Places a double call. The extension rings first: an agent's goes ManualRinging (reason
   * null: the platform rings it, the agent dialled nothing) and picks up after a few seconds;
   * an extension that is nobody's (a supervisor's desk phone) rings and picks up with no agent
   * state. Then the customer's phone rings; once they answer the agent is ManualTalking, and
   * the call ends as a manual outbound call does. A busy or logged-out agent's extension
   * cannot take it: the call fails within seconds (NoAnswer) and the agent is left alone.
   */
  doubleCall(req: DoubleCallRequest): Call {
    const t = this.timing
    const agent = this.agentOnExtension(req.device)
    const dnis = `${req.prefix}${req.customerPhone}`
    const call = this.newCall('Outbound', req.customerPhone, req.device, dnis, null, 'DoubleCall')
    const now = this.clock.now()
    call.device = req.device
    call.userData = req.userData
    call.displayNumber = req.displayOrigin
    call.phase = 'ringing'
    if (agent && agent.state !== 'Available') {
      call.timer = this.clock.schedule(this.span(t.deviceBusy), () =>
        this.finish(call, 'NoAnswer', req.device),
      )
      return call
    }
    call.ringStartedAt = now
    call.ringingOurSide = true
    call.segments.push(this.segment('Station', req.device, null, now, null, agent?.id ?? null))
    if (agent) {
      call.agent = call.firstAgent = agent
      this.setState(agent, 'ManualRinging', null, call)
    }
    call.timer = this.clock.schedule(this.span(t.ring), () => this.dialCustomer(call))
    return call
  }

  /** Our extension picked up: the customer's phone rings, while the agent hears it ring. */
  private dialCustomer(call: Call): void {
    const t = this.timing
    const now = this.clock.now()
    this.stopRinging(call)
    const station = call.segments.at(-1)
    if (station) station.answerTime = now
    call.ringStartedAt = now
    const ring = this.span(t.outboundRing)
    call.timer = this.rng.chance(t.outboundAnswerShare)
      ? this.clock.schedule(ring, () => this.answer(call, t.outboundTalkMeanMs))
      : this.clock.schedule(ring, () => this.finish(call, 'NoAnswer', call.device ?? ''))
  }

  // ---- instant auto-outbound (seed 003 §5.1): the customer first, then the caller ----

  /**
   * Places an instant auto-outbound call: the customer's phone rings; when they answer the
   * call goes to `caller`. An agent's extension, the agent free: AgentAutoRinging, then
   * AgentAutoTalking. An agent busy or logged out: the customer is dropped (TransferFailed).
   * Anything else (an outside number, an extension that is nobody's) picks up with no agent.
   */
  instantOutbound(req: InstantOutboundRequest): Call {
    const t = this.timing
    // Out on the robots' line: the platform, not an agent, dials.
    const line = `${ROBOT_LINE}@${this.opts.namespace}`
    const call = this.newCall('Outbound', req.callee, line, req.callee, null, 'InstantOutbound')
    call.userData = req.data
    call.campaignInfo = req.campaignInfo
    call.phase = 'ringing'
    call.ringStartedAt = this.clock.now()
    const ring = this.span(t.outboundRing)
    call.timer = this.rng.chance(t.outboundAnswerShare)
      ? this.clock.schedule(ring, () => this.handOver(call, req.caller))
      : this.clock.schedule(ring, () => this.finish(call, 'NoAnswer', line))
    return call
  }

  private handOver(call: Call, to: string): void {
    const now = this.clock.now()
    this.stopRinging(call)
    call.answerTime = now
    const agent = this.agentOnExtension(to)
    if (agent && agent.state !== 'Available') {
      this.finish(call, 'TransferFailed', call.ani)
      return
    }
    call.device = to
    call.ringStartedAt = now
    call.ringingOurSide = true
    call.segments.push(this.segment('Station', to, null, now, null, agent?.id ?? null))
    if (agent) {
      call.agent = call.firstAgent = agent
      this.setState(agent, 'AgentAutoRinging', null, call)
    }
    call.timer = this.clock.schedule(this.span(this.timing.ring), () =>
      this.answer(call, this.timing.outboundTalkMeanMs),
    )
  }

  // ---- ending a call, from any phase ----

  private finish(call: Call, reason: EndReason, hangupDevice: string): void {
    if (!this.calls.has(call.id)) return
    const now = this.clock.now()
    this.clock.cancel(call.timer)
    this.clock.cancel(call.patience)
    call.timer = call.patience = null
    this.leaveQueue(call)
    if (call.phase === 'ringing') this.stopRinging(call)
    closeSegments(call, now)
    this.calls.delete(call.id)
    const agent = call.agent
    call.agent = null
    if (agent && call.answerTime !== null) {
      this.wrapUp(agent)
    } else if (agent) {
      this.afterWork(agent, call.type === 'Outbound' ? AGENT_OPERATION : null)
    }
    this.endedCount++
    this.opts.listener.callEnded(this.record(call, reason, hangupDevice, now))
  }

  /** After-call work, then whatever the agent does next. */
  private wrapUp(agent: Agent): void {
    this.setState(agent, 'Acw', null, null)
    this.agentAfter(agent, this.span(this.timing.acw), () => this.afterWork(agent, AGENT_OPERATION))
  }

  private record(call: Call, endReason: EndReason, hangupDevice: string, now: number): CallRecord {
    const first = call.firstAgent
    return {
      callId: call.id,
      callType: call.type,
      namespace: this.opts.namespace,
      ani: call.ani,
      dnis: call.dnis,
      customerPhone: call.customerPhone,
      customerAreaCode: call.area.areaCode,
      customerCityCode: call.area.cityCode,
      displayNumber: call.displayNumber ?? (call.type === 'Outbound' ? DISPLAY_NUMBER : null),
      trunkName: TRUNK,
      agentId: first?.id ?? null,
      agentName: first?.name ?? null,
      deviceId: first?.extension ?? call.device,
      orgTreePos: first?.org.treePos ?? null,
      skillId: call.skillId,
      startTime: call.startTime,
      answerTime: call.answerTime,
      endTime: now,
      queueLength: seconds(call.queuedMs),
      talkLength: call.answerTime === null ? 0 : seconds(now - call.answerTime),
      customerRingLength: seconds(call.customerRingMs),
      deviceRingLength: seconds(call.deviceRingMs),
      endReason,
      resultCode: endReason === 'NoAnswer' ? 2 : 0,
      hangupDevice,
      hangupCause: endReason === 'NoAnswer' ? 'NO_ANSWER' : 'NORMAL_CLEARING',
      conferenced: call.conferees.length > 0,
      transferred: call.takenBy !== null,
      listeners: call.listeners,
      segments: call.segments,
      userData:
        call.userData ?? (call.skillId ? { serviceId: call.skillId.split('@')[0] ?? '' } : {}),
      ...(call.campaignInfo ? { campaignInfo: call.campaignInfo } : {}),
    }
  }

  /**
   * Records an inbound call of `talkSec` seconds as if it had just ended, answered by the first
   * agent, without touching the live floor: long recordings on demand, for benchmarks and for
   * trying the player. Its callEnd goes out like any other.
   */
  recordFinishedCall(talkSec: number): CallRecord {
    const now = this.clock.now()
    const agent = this.agents[0]!
    const skill = this.skillIds[0] ?? null
    const phone = mobileNumber(this.rng)
    const call = this.newCall('Inbound', phone, phone, HOTLINE, skill)
    this.calls.delete(call.id)
    const answerAt = now - talkSec * 1000
    Object.assign(call, {
      startTime: answerAt - 12_000,
      answerTime: answerAt,
      firstAgent: agent,
      queuedMs: 4_000,
      deviceRingMs: 3_000,
    })
    call.segments.push(
      {
        ...this.segment(
          'Queue',
          skill ?? `7001@${this.opts.namespace}`,
          skill,
          answerAt - 7_000,
          answerAt - 3_000,
        ),
        endTime: answerAt - 3_000,
      },
      {
        ...this.segment('Station', agent.extension, skill, answerAt - 3_000, answerAt, agent.id),
        endTime: now,
      },
    )
    const record = this.record(call, 'CustomerHangup', phone, now)
    this.endedCount++
    this.opts.listener.callEnded(record)
    return record
  }

  // ---- primitives ----

  /** The one place an agent's state changes: cancels its pending step and emits the event. */
  private setState(agent: Agent, state: AcState, reason: string | null, call: Call | null): void {
    const previous: PreviousState = { state: agent.state, since: agent.stateSince }
    this.clock.cancel(agent.timer)
    agent.timer = null
    agent.state = state
    agent.stateSince = this.clock.now()
    agent.reason = reason
    agent.callId = call?.id ?? null
    agent.workSkill = call?.skillId ?? null
    this.opts.listener.agentState(agent, previous)
  }

  private agentAfter(agent: Agent, delayMs: number, fn: () => void): void {
    this.clock.cancel(agent.timer)
    agent.timer = this.clock.schedule(delayMs, () => {
      agent.timer = null
      fn()
    })
  }

  private leaveQueue(call: Call): void {
    if (call.phase !== 'queued' || call.skillId === null || call.queuedAt === null) return
    const queue = this.queues.get(call.skillId)
    const i = queue?.indexOf(call) ?? -1
    if (queue && i >= 0) queue.splice(i, 1)
    call.queuedMs += this.clock.now() - call.queuedAt
    call.queuedAt = null
  }

  private stopRinging(call: Call): void {
    if (call.ringStartedAt === null) return
    const ms = this.clock.now() - call.ringStartedAt
    if (call.ringingOurSide) {
      call.deviceRingMs += ms
    } else {
      // Inbound: the caller hears ringback while agents' phones ring. Outbound: the customer's phone rings.
      if (call.type === 'Inbound') call.deviceRingMs = ms
      call.customerRingMs += ms
    }
    call.ringStartedAt = null
    call.ringingOurSide = false
  }

  private newCall(
    type: CallType,
    phone: string,
    ani: string,
    dnis: string,
    skill: string | null,
    origin: CallOrigin = type === 'Inbound' ? 'Inbound' : 'Manual',
  ): Call {
    const call: Call = {
      id: this.rng.uuid(),
      type,
      origin,
      customerPhone: phone,
      area: customerArea(this.rng),
      ani,
      dnis,
      skillId: skill,
      startTime: this.clock.now(),
      phase: 'ivr',
      agent: null,
      firstAgent: null,
      answerTime: null,
      queuedMs: 0,
      firstQueuedAt: null,
      queuedAt: null,
      ringStartedAt: null,
      ringingOurSide: false,
      deviceRingMs: 0,
      customerRingMs: 0,
      talkAfterHoldMs: 0,
      segments: [],
      listeners: [],
      conferees: [],
      takenBy: null,
      device: null,
      userData: null,
      campaignInfo: null,
      displayNumber: null,
      timer: null,
      patience: null,
      patienceLeftMs: null,
    }
    this.calls.set(call.id, call)
    return call
  }

  private segment(
    type: Segment['type'],
    deviceId: string,
    skill: string | null,
    start: number,
    answer: number | null,
    agentId: string | null = null,
  ): Segment {
    return {
      type,
      deviceId,
      agentId,
      skillId: skill,
      startTime: start,
      answerTime: answer,
      endTime: null,
    }
  }

  private span(s: Span): number {
    return this.rng.uniform(s.minMs, s.maxMs)
  }

  /** A Poisson arrival process of `perMin` events per simulated minute. */
  private poisson(name: string, perMin: number, fn: () => void): void {
    if (perMin <= 0) return
    const meanMs = 60_000 / perMin
    const next = (): void => {
      this.arrivals.set(
        name,
        this.clock.schedule(this.rng.exponential(meanMs), () => {
          next()
          fn()
        }),
      )
    }
    next()
  }
}

function talkingState(call: Call): AcState {
  switch (call.origin) {
    case 'Inbound':
      return 'InboundTalking'
    case 'InstantOutbound':
      return 'AgentAutoTalking'
    case 'Manual':
    case 'DoubleCall':
      return 'ManualTalking'
  }
}
