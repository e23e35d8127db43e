import type { AcState } from '@/shared/ac-state'
import type {
  AgentView,
  CallSummary,
  FloorChange,
  FloorSnapshot,
  QueueFigures,
  TodayFigures,
} from '@/shared/floor'
import type { AbandonedCaller, CallBacks } from '@/shared/outbound'

const T0 = Date.UTC(2025, 0, 6, 2, 0, 0) // 10:00 in Shanghai

export function agent(n: number, overrides: Partial<AgentView> = {}): AgentView {
  return {
    id: `${5000 + n}@test.cc`,
    name: `坐席${n}`,
    namespace: 'test.cc',
    acState: 'Available',
    acStateRaw: null,
    lastACState: null,
    stateSince: T0,
    callId: null,
    customerNumber: null,
    channelAddr: `${8000 + n}@test.cc`,
    skills: ['7001@test.cc'],
    workSkill: null,
    org: { id: 'org-1', name: '一部', treePos: '1.1' },
    reason: null,
    serial: String(n),
    ...overrides,
  }
}

export function inState(
  a: AgentView,
  acState: AcState,
  stateSince: number,
  extra: Partial<AgentView> = {},
): AgentView {
  return { ...a, acState, stateSince, serial: String(Number(a.serial) + 1000), ...extra }
}

export function queueFigures(overrides: Partial<QueueFigures> = {}): QueueFigures {
  return {
    skillId: null,
    slThresholdSec: 20,
    slTargetPct: 80,
    shortAbandonSec: 0,
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    answeredInThreshold: 0,
    serviceLevel: null,
    abandonRate: null,
    asaSec: null,
    ahtSec: null,
    avgTalkSec: null,
    avgHoldSec: null,
    avgAcwSec: null,
    longestQueueSec: 0,
    outbound: 0,
    ...overrides,
  }
}

export function figures(overrides: Partial<TodayFigures> = {}): TodayFigures {
  return { day: '2025-01-06', slThresholdSec: 20, total: queueFigures(), bySkill: [], ...overrides }
}

export function call(n: number, overrides: Partial<CallSummary> = {}): CallSummary {
  return {
    callId: `call-${n}`,
    namespace: 'test.cc',
    callType: 'Inbound',
    ani: '13800000000',
    dnis: '4000',
    customerPhone: '13800000000',
    agentId: '5001@test.cc',
    deviceId: '8001@test.cc',
    skillId: '7001@test.cc',
    startTime: T0,
    answerTime: T0 + 5_000,
    endTime: T0 + 65_000,
    queueSec: 5,
    talkSec: 60,
    endReason: null,
    hangupCause: 'NORMAL_CLEARING',
    hangupDevice: null,
    conferenced: false,
    transferred: false,
    orgTreePos: '1.1',
    ...overrides,
  }
}

export function snapshot(
  agents: AgentView[],
  overrides: Partial<FloorSnapshot> = {},
): FloorSnapshot {
  return {
    namespace: 'test.cc',
    agents,
    figures: figures(),
    latestCalls: [],
    serverTime: T0,
    seq: 10,
    lastEventAt: T0,
    ...overrides,
  }
}

export function change(
  seq: number,
  agents: AgentView[],
  overrides: Partial<FloorChange> = {},
): FloorChange {
  return { seq, serverTime: T0, agents, lastEventAt: T0, ...overrides }
}

export { T0 }

/** An abandoned caller waiting for a call back: tried once, a minute before T0. */
export function abandonedCaller(phone: string, overrides: Partial<AbandonedCaller> = {}) {
  return {
    phone,
    attempts: 1,
    firstAt: T0 - 60_000,
    lastAt: T0 - 60_000,
    skillId: '7001@test.cc',
    lastCallId: `ab-${phone}`,
    callingBack: null,
    ...overrides,
  } satisfies AbandonedCaller
}

/** Today's abandoned callers: these waiting, and the day's figures (override any). */
export function callBacks(
  waiting: AbandonedCaller[],
  overrides: Partial<CallBacks> = {},
): CallBacks {
  return {
    waiting,
    waitingCount: waiting.length,
    abandonedToday: waiting.length,
    reachedAgain: 0,
    medianReachSec: null,
    ...overrides,
  }
}
