import type { CallSummary, QueueFigures, TodayFigures } from '@/shared/floor'
import type { QueueRule } from '@/shared/settings'

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
  answeredTalkSec: number
  longestQueueSec: number
  outbound: number
}

const OUTBOUND = /outbound|manual|preview|predictive|auto|callout|dial/i

/** Manual, preview, predictive and other agent- or system-placed calls. */
export function isOutbound(call: CallSummary): boolean {
  return call.callType !== null && OUTBOUND.test(call.callType)
}

export function isAbandoned(call: CallSummary): boolean {
  return call.endReason === 'QueueAbandon'
}

/** A call that queued for an agent: it names the skill group it waited in. */
export function isOffered(call: CallSummary): boolean {
  return !isOutbound(call) && call.skillId !== null
}

export function isAnswered(call: CallSummary): boolean {
  return isOffered(call) && !isAbandoned(call) && call.agentId !== null && call.answerTime !== null
}

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
      b.answeredTalkSec += call.talkSec ?? 0
      if (queueSec <= rules.slThresholdSec) b.answeredInThreshold += 1
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
    answeredTalkSec: 0,
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
  into.answeredTalkSec += b.answeredTalkSec
  into.longestQueueSec = Math.max(into.longestQueueSec, b.longestQueueSec)
  into.outbound += b.outbound
}

function toFigures(b: Bucket, rules: QueueRule): QueueFigures {
  const slBase = b.offered - b.shortAbandoned
  return {
    skillId: b.skillId,
    slThresholdSec: rules.slThresholdSec,
    slTargetPct: rules.slTargetPct,
    offered: b.offered,
    answered: b.answered,
    abandoned: b.abandoned,
    shortAbandoned: b.shortAbandoned,
    answeredInThreshold: b.answeredInThreshold,
    serviceLevel: slBase > 0 ? b.answeredInThreshold / slBase : null,
    asaSec: b.answered > 0 ? b.answeredQueueSec / b.answered : null,
    ahtSec: b.answered > 0 ? b.answeredTalkSec / b.answered : null,
    longestQueueSec: b.longestQueueSec,
    outbound: b.outbound,
  }
}
