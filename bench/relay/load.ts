import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { formatEventTime } from '@/shared/platform-time'

/*
 * Posts agentStateEvents to a relay's webhook, as the platform would: one event per request,
 * each with a new serial and `stateChangeTime` = the moment it is sent (clients measure their
 * latency from it). Either as fast as the relay answers (`--rate 0`) or at a fixed rate.
 * Prints one JSON line with the outcome.
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    rate: { type: 'string', default: '0' },
    duration: { type: 'string', default: '10' },
    agents: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '32' },
    namespace: { type: 'string', default: 'bench.cc' },
  },
})
const agents = Number(values.agents)
const rate = Number(values.rate)
const STATES = [
  'Available',
  'InboundRinging',
  'InboundTalking',
  'Hold',
  'InboundTalking',
  'Acw',
  'Aux',
]
let serial = Date.now() * 1000
let n = 0

function body(): string {
  serial += 1
  n += 1
  // Agents in a scattered order (7919 is prime, so every agent comes round once per cycle):
  // on a real floor, the agents changing at one moment are not neighbours on the screen.
  const agent = 5000 + ((n * 7919) % agents)
  const state = STATES[Math.floor(n / agents) % STATES.length]!
  const now = formatEventTime(Date.now(), 'Asia/Shanghai')
  return JSON.stringify({
    eventName: 'agentStateEvent',
    serial,
    timestamp: now,
    eventType: 'agent',
    id: `${agent}@${values.namespace}`,
    name: `坐席${agent}`,
    acState: state,
    stateChangeTime: now,
    lastACState: 'Available',
    instanceId: 'bench',
    namespace: values.namespace,
    lastStateLength: '10',
    orgId: 'org-1',
    orgName: '客服一部',
    orgTreePos: `1.${agent % 2 ? 1 : 2}`,
    reason: 'AgentOperation',
    channelAddr: `${agent + 3000}@${values.namespace}`,
    skills: ['7001@bench.cc', '7002@bench.cc'],
    callId: state.includes('Talking') || state === 'Hold' ? `call-${agent}-${serial}` : null,
    workSkill: state.includes('Talking') ? '7001@bench.cc' : null,
  })
}

const result = await autocannon({
  url: `${values.url}/webhooks/wellcloud?token=${values.token}`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  connections: Number(values.connections),
  duration: Number(values.duration),
  ...(rate > 0 ? { overallRate: rate } : {}),
  requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
})
const ok = result['2xx']
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSec: result.duration,
    okPerSec: ok / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  })}\n`,
)
