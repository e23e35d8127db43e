import type { CallSummary, QueueFigures, TodayFigures } from '@/shared/floor'
import type { QueueRule } from '@/shared/settings'
import type { HandlePart } from './handle-time'

/** How a queue's calls are counted (its service-level rules); skillId null is the default. */
export type FiguresRules = (skillId: string | null) => QueueRule

/** Running sums for one (skill group, department) pair; figures are folded from these. */
interface Bucket {
  skillId: string | null
  orgTreePos: string | null
  offered: number
  answered: number
  abandoned: number
  shortAbandoned: number
  answeredInThreshold: number
  answeredQueueSec: number
  /** Handle time of queued calls from the agents' states, seconds. */
  talkSec: number
  holdSec: number
  acwSec: number
  longestQueueSec: number
  outbound: number
}

/** Words of a call type that make it outbound (any case): the store's sums match on them too. */
export const OUTBOUND_WORDS = [
  'outbound',
  'manual',
  'preview',
  'predictive',
  'auto',
  'callout',
  'dial',
] as const
const OUTBOUND = new RegExp(OUTBOUND_WORDS.join('|'), 'i')

/** Manual, preview, predictive and other agent- or system-placed calls. */
export function isOutbound(call: Pick<CallSummary, 'callType'>): boolean {
  return call.callType !== null && OUTBOUND.test(call.callType)
}

export function isAbandoned(call: Pick<CallSummary, 'endReason'>): boolean {
  return call.endReason === 'QueueAbandon'
}

/** A call that queued for an agent: it names the skill group it waited in. */
export function isOffered(call: Pick<CallSummary, 'callType' | 'skillId'>): boolean {
  return !isOutbound(call) && call.skillId !== null
}

export function isAnswered(
  call: Pick<CallSummary, 'callType' | 'skillId' | 'endReason' | 'agentId' | 'answerTime'>,
): boolean {
  return isOffered(call) && !isAbandoned(call) && call.agentId !== null && call.answerTime !== null
}

/** The counts of calls that make a bucket's queue figures (handle time aside). */
export type CallCounts = Pick<
  Bucket,
  | 'offered'
  | 'answered'
  | 'abandoned'
  | 'shortAbandoned'
  | 'answeredInThreshold'
  | 'answeredQueueSec'
  | 'longestQueueSec'
  | 'outbound'
>

/** Filters buckets when figures are asked for a part of the floor. */
export type BucketFilter = (skillId: string | null, orgTreePos: string | null) => boolean

/** Today's figures of one namespace, kept as sums so adding a call and reading are cheap. */
export class DayFigures {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    readonly day: string,
    private readonly rules: FiguresRules,
  ) {}

  add(call: CallSummary): void {
    const b = this.bucketOf(call.skillId, call.orgTreePos)
    if (isOutbound(call)) {
      b.outbound += 1
      return
    }
    if (!isOffered(call)) return
    const queueSec = call.queueSec ?? 0
    const rules = this.rules(call.skillId)
    b.offered += 1
    b.longestQueueSec = Math.max(b.longestQueueSec, queueSec)
    if (isAbandoned(call)) {
      b.abandoned += 1
      if (queueSec < rules.shortAbandonSec) b.shortAbandoned += 1
    } else if (isAnswered(call)) {
      b.answered += 1
      b.answeredQueueSec += queueSec
      if (queueSec <= rules.slThresholdSec) b.answeredInThreshold += 1
    }
  }

  /**
   * Adds calls counted elsewhere (summed by the store for a past moment, by these same rules)
   * to the bucket of a skill group and department.
   */
  addCounts(skillId: string | null, orgTreePos: string | null, c: CallCounts): void {
    // No handle time: it comes from the agents' states, which a count of calls does not hold.
    merge(this.bucketOf(skillId, orgTreePos), { ...emptyBucket(skillId, orgTreePos), ...c })
  }

  /** Counts seconds an agent spent talking, on hold or in after-call work on a queued call. */
  addHandle(skillId: string, orgTreePos: string | null, part: HandlePart, seconds: number): void {
    if (!(seconds > 0)) return
    const b = this.bucketOf(skillId, orgTreePos)
    b[HANDLE_FIELD[part]] += seconds
  }

  /** Keeps the handle time counted so far (it does not depend on queue rules) across a recount. */
  takeHandleFrom(other: DayFigures): void {
    for (const o of other.buckets.values()) {
      if (o.talkSec + o.holdSec + o.acwSec === 0) continue
      const b = this.bucketOf(o.skillId, o.orgTreePos)
      b.talkSec += o.talkSec
      b.holdSec += o.holdSec
      b.acwSec += o.acwSec
    }
  }

  /** Figures in total and per skill group, over the buckets the filter keeps. */
  read(filter: BucketFilter = () => true): TodayFigures {
    const bySkill = new Map<string, Bucket>()
    const total = emptyBucket(null, null)
    for (const b of this.buckets.values()) {
      if (!filter(b.skillId, b.orgTreePos)) continue
      merge(total, b)
      if (b.skillId === null) continue
      let s = bySkill.get(b.skillId)
      if (!s) {
        s = emptyBucket(b.skillId, null)
        bySkill.set(b.skillId, s)
      }
      merge(s, b)
    }
    return {
      day: this.day,
      slThresholdSec: this.rules(null).slThresholdSec,
      total: toFigures(total, this.rules(null)),
      bySkill: [...bySkill.values()]
        .sort((a, b) => (a.skillId ?? '').localeCompare(b.skillId ?? ''))
        .map((b) => toFigures(b, this.rules(b.skillId))),
    }
  }

  /**
   * Figures for a part of the floor, for each figure as far as it can be narrowed. A call
   * belongs to a department only once an agent answers it, so the queue's figures (offered,
   * abandoned, service level, longest wait) follow `queue` (the skill groups, never the
   * department); answered, wait to answer and handle time follow `agents`; outbound calls
   * belong to no skill group and follow `outbound`.
   */
  readSplit(queue: BucketFilter, agents: BucketFilter, outbound: BucketFilter): TodayFigures {
    const q = this.read(queue)
    const a = this.read(agents)
    const o = this.read(outbound)
    const agentsBySkill = new Map(a.bySkill.map((f) => [f.skillId, f]))
    const skillIds = [...new Set([...q.bySkill, ...a.bySkill].map((f) => f.skillId))].sort((x, y) =>
      (x ?? '').localeCompare(y ?? ''),
    )
    const queueBySkill = new Map(q.bySkill.map((f) => [f.skillId, f]))
    return {
      ...q,
      total: { ...withAgentFigures(q.total, a.total), outbound: o.total.outbound },
      bySkill: skillIds.map((id) => {
        const rules = this.rules(id)
        const base = queueBySkill.get(id) ?? toFigures(emptyBucket(id, null), rules)
        const agent = agentsBySkill.get(id) ?? toFigures(emptyBucket(id, null), rules)
        return withAgentFigures(base, agent)
      }),
    }
  }

  private bucketOf(skillId: string | null, orgTreePos: string | null): Bucket {
    const key = `${skillId ?? ''}\u0000${orgTreePos ?? ''}`
    let b = this.buckets.get(key)
    if (!b) {
      b = emptyBucket(skillId, orgTreePos)
      this.buckets.set(key, b)
    }
    return b
  }
}

function emptyBucket(skillId: string | null, orgTreePos: string | null): Bucket {
  return {
    skillId,
    orgTreePos,
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    answeredInThreshold: 0,
    answeredQueueSec: 0,
    talkSec: 0,
    holdSec: 0,
    acwSec: 0,
    longestQueueSec: 0,
    outbound: 0,
  }
}

function merge(into: Bucket, b: Bucket): void {
  into.offered += b.offered
  into.answered += b.answered
  into.abandoned += b.abandoned
  into.shortAbandoned += b.shortAbandoned
  into.answeredInThreshold += b.answeredInThreshold
  into.answeredQueueSec += b.answeredQueueSec
  into.talkSec += b.talkSec
  into.holdSec += b.holdSec
  into.acwSec += b.acwSec
  into.longestQueueSec = Math.max(into.longestQueueSec, b.longestQueueSec)
  into.outbound += b.outbound
}

/** The queue's figures of `queue` with the answering agents' figures of `agents`. */
function withAgentFigures(queue: QueueFigures, agents: QueueFigures): QueueFigures {
  return {
    ...queue,
    answered: agents.answered,
    asaSec: agents.asaSec,
    ahtSec: agents.ahtSec,
    avgTalkSec: agents.avgTalkSec,
    avgHoldSec: agents.avgHoldSec,
    avgAcwSec: agents.avgAcwSec,
    outbound: agents.outbound,
  }
}

const HANDLE_FIELD = { talk: 'talkSec', hold: 'holdSec', acw: 'acwSec' } as const

/** A sum per answered call, or null before the first answer. */
function perAnswered(b: Bucket, sum: number): number | null {
  return b.answered > 0 ? sum / b.answered : null
}

function toFigures(b: Bucket, rules: QueueRule): QueueFigures {
  const slBase = b.offered - b.shortAbandoned
  return {
    skillId: b.skillId,
    slThresholdSec: rules.slThresholdSec,
    slTargetPct: rules.slTargetPct,
    shortAbandonSec: rules.shortAbandonSec,
    offered: b.offered,
    answered: b.answered,
    abandoned: b.abandoned,
    shortAbandoned: b.shortAbandoned,
    answeredInThreshold: b.answeredInThreshold,
    serviceLevel: slBase > 0 ? b.answeredInThreshold / slBase : null,
    abandonRate: b.offered > 0 ? b.abandoned / b.offered : null,
    asaSec: perAnswered(b, b.answeredQueueSec),
    ahtSec: perAnswered(b, b.talkSec + b.holdSec + b.acwSec),
    avgTalkSec: perAnswered(b, b.talkSec),
    avgHoldSec: perAnswered(b, b.holdSec),
    avgAcwSec: perAnswered(b, b.acwSec),
    longestQueueSec: b.longestQueueSec,
    outbound: b.outbound,
  }
}
