import type { AcState } from '../../src/shared/ac-state'
import { formatEventTime } from '../../src/shared/platform-time'
import { CallCenter } from './call-center'
import { CallLog } from './call-log'
import type { Clock } from './clock'
import { EventFactory } from './event-factory'
import { createRandom } from './random'
import { RobotBatches } from './robot-batches'
import type { SimConfig } from './sim-config'
import type { SimTiming } from './sim-timing'
import { type PostFn, type SenderStats, WebhookSender } from './webhook-sender'

export interface SimulatorDeps {
  clock: Clock
  /** The seed actually used (the config's, or one drawn for this run). */
  seed: number
  log: (line: string) => void
  post?: PostFn
  timing?: Partial<SimTiming>
  /** Wall clock, epoch ms (serial restarts follow it); default Date.now. */
  wallNow?: () => number
}

export interface SimStats {
  /** Simulated now, in the platform's event format. */
  simTime: string
  speed: number
  seed: number
  webhook: SenderStats
  agentsByState: Partial<Record<AcState, number>>
  callsRunning: number
  callsQueued: number
  callsEnded: number
  callsLogged: number
}

/**
 * The whole platform stand-in, without HTTP in front: the call center, the events it turns
 * into webhooks, their delivery, and the record of calls the REST handlers will serve.
 */
export class Simulator {
  readonly center: CallCenter
  readonly sender: WebhookSender
  readonly callLog = new CallLog()
  /** Call lists uploaded to the robot campaigns, dialled as robot calls. */
  readonly robotBatches: RobotBatches
  private readonly factory: EventFactory

  constructor(
    private readonly config: SimConfig,
    private readonly deps: SimulatorDeps,
  ) {
    const { clock } = deps
    this.robotBatches = new RobotBatches(clock, config.namespace, config.timeZone, deps.seed)
    this.factory = new EventFactory(
      config.namespace,
      config.timeZone,
      Math.floor(clock.now()),
      config.variants,
      deps.wallNow,
    )
    this.sender = new WebhookSender({
      url: config.webhookUrl,
      clock,
      retryUnitMs: config.retryUnitMs,
      log: deps.log,
      post: deps.post,
    })
    this.center = new CallCenter({
      clock,
      rng: createRandom(deps.seed),
      agents: config.agents,
      skills: config.skills,
      namespace: config.namespace,
      inboundPerMin: config.inboundPerMin,
      outboundPerMin: config.outboundPerMin,
      load: config.load,
      timing: deps.timing,
      listener: {
        agentState: (agent, previous) => {
          const call = agent.callId ? this.center.call(agent.callId) : undefined
          const customer = call?.customerPhone ?? null
          this.sender.send(this.factory.agentState(agent, previous, clock.now(), customer))
        },
        callEnded: (record) => {
          this.callLog.add(record)
          this.sender.send(this.factory.callEnd(record, clock.now()))
        },
      },
    })
  }

  start(): void {
    this.center.start()
  }

  stop(): void {
    this.center.stop()
    this.robotBatches.stop()
    this.sender.stop()
  }

  /** Simulated now, epoch ms. */
  now(): number {
    return this.deps.clock.now()
  }

  stats(): SimStats {
    const agentsByState: Partial<Record<AcState, number>> = {}
    for (const a of this.center.agents) agentsByState[a.state] = (agentsByState[a.state] ?? 0) + 1
    const calls = this.center.activeCalls()
    return {
      simTime: formatEventTime(this.deps.clock.now(), this.config.timeZone),
      speed: this.config.speed,
      seed: this.deps.seed,
      webhook: this.sender.stats(),
      agentsByState,
      callsRunning: calls.length,
      callsQueued: calls.filter((c) => c.phase === 'queued').length,
      callsEnded: this.center.callsEnded,
      callsLogged: this.callLog.size,
    }
  }
}
