import { CallCenter } from '../../server/simulator/call-center'
import { ManualClock } from '../../server/simulator/clock'
import { EventFactory } from '../../server/simulator/event-factory'
import { createRandom } from '../../server/simulator/random'

/** The simulator's default traffic per agent (its `--rate` and `--outbound-rate`), calls/min. */
const INBOUND_PER_AGENT_PER_MIN = 0.22
const OUTBOUND_PER_AGENT_PER_MIN = 0.02
// The floor logs in over its first minutes; the stream starts after that, in steady traffic.
const WARM_UP_MS = 15 * 60_000

export interface Stream {
  /** Webhook bodies exactly as the platform would post them, in order. */
  bodies: string[]
  agentEvents: number
  calls: number
  /** Simulated time the stream covers, ms. */
  spanMs: number
  /** Average body sizes on the wire, bytes. */
  agentEventBytes: number
  callBytes: number
}

/**
 * What the platform would send about `agents` agents over `hours` of simulated time: the
 * simulator's own call center (names, departments, skills, call flow) on a manual clock, so
 * an hour takes a second. The stream ends before `endAt` (epoch ms), so no time is in the future.
 */
export function simulatedStream(o: {
  agents: number
  skills: number
  hours: number
  namespace: string
  timeZone: string
  seed: number
  endAt: number
}): Stream {
  const spanMs = o.hours * 3_600_000
  const startAt = o.endAt - spanMs - WARM_UP_MS
  const clock = new ManualClock(startAt)
  const factory = new EventFactory(o.namespace, o.timeZone, startAt)
  const bodies: string[] = []
  let recording = false
  let agentEvents = 0
  let calls = 0
  let agentEventBytes = 0
  let callBytes = 0
  const keep = (body: string, kind: 'agent' | 'call') => {
    if (!recording) return
    bodies.push(body)
    const bytes = Buffer.byteLength(body)
    if (kind === 'agent') {
      agentEvents += 1
      agentEventBytes += bytes
    } else {
      calls += 1
      callBytes += bytes
    }
  }
  const center = new CallCenter({
    clock,
    rng: createRandom(o.seed),
    agents: o.agents,
    skills: o.skills,
    namespace: o.namespace,
    inboundPerMin: o.agents * INBOUND_PER_AGENT_PER_MIN,
    outboundPerMin: o.agents * OUTBOUND_PER_AGENT_PER_MIN,
    listener: {
      agentState: (agent, previous) =>
        keep(JSON.stringify(factory.agentState(agent, previous, clock.now())), 'agent'),
      callEnded: (record) => keep(JSON.stringify(factory.callEnd(record, clock.now())), 'call'),
    },
  })
  center.start()
  clock.advance(WARM_UP_MS)
  recording = true
  clock.advance(spanMs)
  center.stop()
  return {
    bodies,
    agentEvents,
    calls,
    spanMs,
    agentEventBytes: agentEventBytes / Math.max(1, agentEvents),
    callBytes: callBytes / Math.max(1, calls),
  }
}
