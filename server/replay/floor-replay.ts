import { LATEST_CALLS_MAX } from '@/shared/events'
import type { AgentView, CallSummary, QueueFigures, TodayFigures } from '@/shared/floor'
import { platformDay } from '@/shared/platform-time'
import type { FloorMoments, PastFloor } from '@/shared/replay'
import type { FloorSettings } from '@/shared/settings'
import { AbandonedCallers } from '../day-calls/abandoned-callers'
import { DayFigures, type FiguresRules } from '../day-calls/figures'
import type { Audience } from '../realtime/audience'
import { breachMoments, mergeMoments, serviceLevelMoments } from './moments'
import type { ReplayRepo } from './replay.repo'

const DAY_MS = 24 * 60 * 60 * 1000

export interface FloorReplayDeps {
  repo: ReplayRepo
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

  /** The floor `audience` saw at `at` (epoch ms, within the retention window). */
  async floorAt(audience: Audience, at: number): Promise<PastFloor> {
    const { namespace } = audience
    const day = platformDay(at, this.d.timeZone)
    const [all, calls] = await Promise.all([
      this.d.repo.floorAt(namespace, at),
      this.d.repo.callsEndedBy(namespace, day, at),
    ])
    const agents = all.filter(audience.includesAgent)
    await this.withNumbers(namespace, agents)
    const rules = this.d.settings.figuresRules(namespace)
    const figures = new DayFigures(day, rules)
    const abandoned = new AbandonedCallers()
    for (const call of calls) {
      figures.add(call)
      abandoned.add(call)
    }
    const latestCalls = calls.filter(audience.includesCall).slice(-LATEST_CALLS_MAX)
    return {
      namespace,
      agents,
      figures: withoutHandleTime(figures.read(audience.includesBucket)),
      latestCalls,
      callBacks: abandoned.read(namespace, audience.includesCall),
      serverTime: at,
      seq: 0,
      lastEventAt: lastEventOf(all, calls),
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
      ...days.map((day) => this.d.repo.callsEndedBy(namespace, day, to)),
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

  /** Fills each agent's customer's number from the stored calls it is on, when they ended. */
  private async withNumbers(namespace: string, agents: AgentView[]): Promise<void> {
    const callIds = agents.flatMap((a) => (a.callId === null ? [] : [a.callId]))
    if (callIds.length === 0) return
    const numbers = await this.d.repo.numbersOf(namespace, callIds)
    for (const a of agents) if (a.callId !== null) a.customerNumber = numbers.get(a.callId) ?? null
  }
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
