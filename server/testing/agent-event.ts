import { formatEventTime } from '@/shared/platform-time'

/*
 * The platform's agentStateEvent as tests post it to the relay's webhook, for the server's
 * tests and the end-to-end specs alike.
 */

// The platform's clock zone, in which it writes event times.
const PLATFORM_TZ = 'Asia/Shanghai'
// How long the agent had been in its previous state, seconds (the event's lastStateLength).
const LAST_STATE_SEC = 35

let serial = 1000

/** The next serial of the server tests' events: agent and call events count up together. */
export function nextSerial(): number {
  serial += 1
  return serial
}

type EventBody = Record<string, unknown>

function agentStateEvent(serialNo: number, at: number | null, overrides: EventBody): EventBody {
  const time = (ms: number, fixed: string) =>
    at === null ? fixed : formatEventTime(ms, PLATFORM_TZ)
  const now = at ?? 0
  return {
    eventName: 'agentStateEvent',
    serial: serialNo,
    timestamp: time(now, '2026.11.21 10:00:00.000'),
    eventType: 'agent',
    id: '5001@test.cc',
    name: '张伟',
    acState: 'Available',
    stateChangeTime: time(now, '2026.11.21 10:00:00.000'),
    lastACState: 'Aux',
    instanceId: 'cms_default',
    namespace: 'test.cc',
    lastStateLength: String(LAST_STATE_SEC),
    lastStateChangeTime: time(now - LAST_STATE_SEC * 1000, '2026.11.21 09:59:25.000'),
    orgId: 'org-1',
    orgName: '客服一部',
    orgTreePos: '1.1',
    reason: 'AgentOperation',
    channelAddr: '8001@test.cc',
    skills: ['7001@test.cc'],
    callId: null,
    workSkill: null,
    ...overrides,
  }
}

/** A valid agentStateEvent at 2026-11-21 10:00 (platform time), serial from `nextSerial`; override any field. */
export function agentEvent(overrides: EventBody = {}): EventBody {
  return agentStateEvent(nextSerial(), null, overrides)
}

/**
 * A builder of valid agentStateEvents that happen now by `now` (ms), serials counting up from
 * `firstSerial`, with `defaults` over the usual fields; override any field per event.
 */
export function agentEventBuilder(opts: {
  firstSerial: number
  now: () => number
  defaults?: EventBody
}): (overrides?: EventBody) => EventBody {
  let next = opts.firstSerial
  return (overrides = {}) => {
    next += 1
    return agentStateEvent(next, opts.now(), { ...opts.defaults, ...overrides })
  }
}
