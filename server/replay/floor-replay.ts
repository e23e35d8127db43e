import { LATEST_CALLS_MAX } from '@/shared/events'
import type { AgentView, CallSummary, QueueFigures, TodayFigures } from '@/shared/floor'
import { platformDay } from '@/shared/platform-time'
import type { FloorMoments, PastFloor } from '@/shared/replay'
import type { FloorSettings } from '@/shared/settings'
import { DayFigures, type FiguresRules } from '../day-calls/figures'
import type { Audience } from '../realtime/audience'
import { breachMoments, mergeMoments, serviceLevelMoments } from './moments'
import { type CountRules, type DayCounts, mergeGroups } from './day-counts'
import type { ReplayRepo } from './replay.repo'

const DAY_MS = 24 * 60 * 60 * 1000

/** How often the day's calls are counted and kept, ms: a past moment adds at most this much. */
export const CHECKPOINT_EVERY_MS = 30 * 60 * 1000
/**
 * A checkpoint counts the calls that ended by this long before it is written, ms: a callEnd the
 * platform delivers (or retries) later than that is not in it.
 */
export const CHECKPOINT_LAG_MS = 5 * 60 * 1000

export interface FloorReplayDeps {
  repo: ReplayRepo
  counts: DayCounts
  /** Each tenant's thresholds and queue rules (today's: the past is judged by them too). */
  settings: {
    get(namespace: string): FloorSettings
    figuresRules(namespace: string): FiguresRules
  }
  timeZone: string
  now: () => number
  /** EVENT_RETENTION_DAYS: how far back agent events are kept, and so the floor can be shown. */
  eventRetentionDays: number
}

/**
 * The floor as it was at a past moment, and the moments worth jumping to, rebuilt from the
 * stored agent events and calls for one audience (the live floor's scope rules).
 */
export class FloorReplay {
  constructor(private readonly d: FloorReplayDeps) {}

  /** The relay's clock, epoch ms. */
  now(): number {
    return this.d.now()
  }

  /** EVENT_RETENTION_DAYS. */
  get retentionDays(): number {
    return this.d.eventRetentionDays
  }

  /** The earliest moment that can be shown now (epoch ms): the retention window's start. */
  earliest(now = this.d.now()): number {
    return now - this.d.eventRetentionDays * DAY_MS
  }

  /**
   * The floor `audience` saw at `at` (epoch ms, within the retention window). The day's abandoned
   * callers are not rebuilt (every call of the day would be read): `callBacks` is absent, as
   * from a relay that does not keep them.
   */
  async floorAt(audience: Audience, at: number): Promise<PastFloor> {
    const { namespace } = audience
    const day = platformDay(at, this.d.timeZone)
    const rules = this.countRules(namespace)
    const [all, counts, latestCalls] = await Promise.all([
      this.d.repo.floorAt(namespace, at),
      this.d.counts.countsBy(namespace, day, at, rules),
      this.d.repo.latestCalls(namespace, day, at, audience.includesCall, LATEST_CALLS_MAX),
    ])
    const agents = all.filter(audience.includesAgent)
    await this.withNumbers(namespace, agents)
    const figures = new DayFigures(day, rules.rules)
    for (const c of counts) figures.addCounts(c.skillId, c.orgTreePos, c.counts)
    return {
      namespace,
      agents,
      figures: withoutHandleTime(figures.read(audience.includesBucket)),
      latestCalls,
      serverTime: at,
      seq: 0,
      lastEventAt: lastEventOf(all, latestCalls),
      at,
    }
  }

  /** The breaches and service-level crossings `audience` would have seen in [from, to]. */
  async moments(audience: Audience, from: number, to: number): Promise<FloorMoments> {
    const { namespace } = audience
    const tz = this.d.timeZone
    const days = [...new Set([platformDay(from, tz), platformDay(to, tz)])]
    const [events, ...perDay] = await Promise.all([
      this.d.repo.eventsAround(namespace, from, to),
      ...days.map((day) => this.d.repo.queueCallsEndedBy(namespace, day, to)),
    ])
    const calls = days.flatMap((day, i) => (perDay[i] ?? []).map((call) => ({ day, call })))
    const settings = this.d.settings.get(namespace)
    const breaches = breachMoments(events.filter(audience.includesAgent), settings, from, to)
    const crossings = serviceLevelMoments(
      calls,
      this.d.settings.figuresRules(namespace),
      audience.includesBucket,
      from,
      to,
    )
    return { from, to, ...mergeMoments([breaches, crossings]) }
  }

  /**
   * Counts and keeps each tenant's calls every CHECKPOINT_EVERY_MS up to now − CHECKPOINT_LAG_MS,
   * from its latest checkpoint counted by today's rules (or from the retention window's start,
   * or its first call): at start, the whole window once; then one more each time. Run by one
   * process (the one holding the lease in a cluster). Returns how many were written.
   */
  async fillCheckpoints(namespaces: readonly string[]): Promise<number> {
    let written = 0
    const now = this.d.now()
    const upTo = now - CHECKPOINT_LAG_MS
    for (const namespace of namespaces) {
      const rules = this.countRules(namespace)
      let prev = await this.d.counts.latest(namespace, rules.key)
      if (prev && prev.at < this.earliest(now)) prev = null
      let at: number
      if (prev) at = prev.at + CHECKPOINT_EVERY_MS
      else {
        const first = await this.d.counts.firstCallEnd(namespace)
        if (first === null) continue
        at = slotAfter(Math.max(first, this.earliest(now)))
      }
      for (; at <= upTo; at += CHECKPOINT_EVERY_MS) {
        const day = platformDay(at, this.d.timeZone)
        const groups =
          prev && prev.day === day
            ? mergeGroups(
                prev.groups,
                await this.d.counts.groups(namespace, day, prev.at, at, rules),
              )
            : await this.d.counts.groups(namespace, day, null, at, rules)
        prev = { at, day, groups }
        await this.d.counts.write(namespace, prev, rules.key)
        written += 1
      }
    }
    return written
  }

  /** The tenant's queue rules as the day's calls are counted by them. */
  private countRules(namespace: string): CountRules {
    const settings = this.d.settings.get(namespace)
    const queues = Object.entries(settings.queues).sort(([a], [b]) => (a < b ? -1 : 1))
    return {
      rules: this.d.settings.figuresRules(namespace),
      skills: queues.map(([id]) => id),
      key: JSON.stringify([settings.defaultQueue, queues]),
    }
  }

  /** Fills each agent's customer's number from the stored calls it is on, when they ended. */
  private async withNumbers(namespace: string, agents: AgentView[]): Promise<void> {
    const callIds = agents.flatMap((a) => (a.callId === null ? [] : [a.callId]))
    if (callIds.length === 0) return
    const numbers = await this.d.repo.numbersOf(namespace, callIds)
    for (const a of agents) if (a.callId !== null) a.customerNumber = numbers.get(a.callId) ?? null
  }
}

/** The first checkpoint moment at or after `t`: checkpoints fall on whole periods. */
function slotAfter(t: number): number {
  return Math.ceil(t / CHECKPOINT_EVERY_MS) * CHECKPOINT_EVERY_MS
}

/**
 * Handle time is counted live from every agent's state changes of the day; it is not rebuilt
 * for a past moment, so its figures are unknown (null) rather than a wrong zero.
 */
function withoutHandleTime(f: TodayFigures): TodayFigures {
  const clear = (q: QueueFigures): QueueFigures => ({
    ...q,
    ahtSec: null,
    avgTalkSec: null,
    avgHoldSec: null,
    avgAcwSec: null,
  })
  return { ...f, total: clear(f.total), bySkill: f.bySkill.map(clear) }
}

/** The last thing the platform said by then, as far as the store tells: a state or a call's end. */
function lastEventOf(agents: readonly AgentView[], calls: readonly CallSummary[]): number | null {
  let last: number | null = null
  for (const a of agents) if (last === null || a.stateSince > last) last = a.stateSince
  const lastCall = calls.at(-1)?.endTime ?? null
  if (lastCall !== null && (last === null || lastCall > last)) last = lastCall
  return last
}
