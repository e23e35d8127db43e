import { LATEST_CALLS_MAX } from '@/shared/events'
import type { AgentView, CallSummary, TodayFigures } from '@/shared/floor'
import { parsePlatformTime, platformDay } from '@/shared/platform-time'
import type { CallEndEvent } from '@/shared/webhooks'
import type { WriteBatcher } from '../db/write-batcher'
import { AbandonedCallers, customerNumberOf, digitsOf } from './abandoned-callers'
import type { CallsRepo } from './calls.repo'
import { type BucketFilter, DayFigures, type FiguresRules } from './figures'
import { type HandlePiece, HandleTimeTracker } from './handle-time'
import { RepeatCallers } from './repeat-callers'

// The feed shows LATEST_CALLS_MAX calls to each viewer; more are kept so a viewer who sees only
// part of the floor still gets a full feed.
const LATEST_KEPT = LATEST_CALLS_MAX * 4

export type CallFilter = (call: CallSummary) => boolean

/** Repeat callers: from how many calls of the day a number is one, and who to tell of changes. */
export interface RepeatOptions {
  /** The tenant's `repeatCallsMin`. */
  minOf: (namespace: string) => number
  /**
   * A number's count of the day changed (`digits`), or every count of a tenant did (`digits`
   * null: its day was counted again), or of every tenant (`namespace` null: a new day).
   */
  changed: (namespace: string | null, digits: string | null) => void
}

const NO_REPEATS: RepeatOptions = { minOf: () => Infinity, changed: () => {} }

export function summaryOf(e: CallEndEvent, orgTreePos: string | null): CallSummary {
  return {
    callId: e.callId,
    namespace: e.namespace,
    callType: e.callType,
    ani: e.ani,
    dnis: e.dnis,
    customerPhone: e.customerPhone,
    agentId: e.agentId,
    deviceId: e.deviceId,
    skillId: e.skillId,
    startTime: e.startTime,
    answerTime: e.answerTime,
    endTime: e.endTime,
    queueSec: e.queueLength,
    talkSec: e.talkLength,
    endReason: e.endReason,
    hangupCause: e.hangupCause,
    hangupDevice: e.hangupDevice,
    conferenced: e.conferenced,
    transferred: e.transferred,
    orgTreePos,
  }
}

/**
 * Ended calls: stored once per callId however often the platform retries, and folded into
 * today's figures (platform-local day) and the latest-calls feed. Today's calls are held in
 * memory too (a day is tens of thousands of small rows at most): a retry is known without a
 * query before it is answered, and a tenant's day is counted again at once when its rules change.
 */
export class CallsStore {
  private day: string
  /** Start of the platform-local day, epoch ms: handle time before it belongs to the day before. */
  private dayStart: number
  private readonly handle = new HandleTimeTracker()
  private readonly figures = new Map<string, DayFigures>()
  private readonly latest = new Map<string, CallSummary[]>()
  /** Today's customer numbers and how often each reached the center. */
  private readonly repeats = new RepeatCallers()
  /** Today's abandoned callers, waiting for a call back or reached again. */
  readonly abandoned = new AbandonedCallers((namespace, digits) => {
    const n = this.repeats.count(namespace, digits)
    return n >= this.repeat.minOf(namespace) ? n : undefined
  })
  /** True while a whole day is counted (at start, or again): one `repeat.changed` after it. */
  private recounting = false
  /** Calls being written now, by namespace and callId. */
  private readonly writing = new Map<string, Promise<void>>()
  /** Today's calls per namespace, in the order they came. */
  private readonly todays = new Map<string, CallSummary[]>()
  /** Today's calls by their key (`keyOf`). */
  private readonly known = new Map<string, CallSummary>()
  /**
   * Calls that ended on a day the relay's clock has not reached yet (the platform's clock runs
   * ahead; the webhook's check keeps that to hours): counted when that day begins.
   */
  private ahead: { day: string; call: CallSummary }[] = []

  constructor(
    private readonly repo: CallsRepo,
    private readonly writes: WriteBatcher,
    /** Each tenant's queue rules (they change when an admin edits them: then `reload`). */
    private readonly rulesOf: (namespace: string) => FiguresRules,
    private readonly timeZone: string,
    now: number,
    private readonly onCall: (call: CallSummary) => void,
    /** Every agent's stored events of [from, to), each agent's in order: today's handle time. */
    private readonly agentEvents: (from: number, to: number) => Promise<AgentView[]> = () =>
      Promise.resolve([]),
    private readonly repeat: RepeatOptions = NO_REPEATS,
  ) {
    this.day = platformDay(now, timeZone)
    this.dayStart = dayStartOf(this.day, timeZone, now)
  }

  /**
   * Counts today's stored calls and handle time (at start, before the relay answers anything:
   * a restart shows the same figures).
   */
  async load(now: number): Promise<void> {
    const day = platformDay(now, this.timeZone)
    const calls = await this.repo.listDay(day)
    const events = await this.agentEvents(dayStartOf(day, this.timeZone, now), now + 1)
    this.startDay(day, now)
    this.recounting = true
    for (const call of calls) this.add(call)
    this.recounting = false
    this.repeat.changed(null, null)
    for (const view of events) this.agentChanged(view)
  }

  /**
   * The customer's calls of the day for an agent on a call with them (the current one
   * included, see `RepeatCallers.forAgent`), when the number is a repeat caller; else undefined.
   */
  callerCallsFor(view: AgentView): number | undefined {
    const n = this.repeats.forAgent(view)
    return n !== null && n >= this.repeat.minOf(view.namespace) ? n : undefined
  }

  /**
   * A call's place among its number's calls of today, when it ended today and made the number
   * a repeat caller; else undefined (another day, not counted, or below the tenant's minimum).
   */
  repeatPlaceOf(namespace: string, callId: string): number | undefined {
    return this.known.get(`${namespace}\u0000${callId}`)?.callerCallsToday ?? undefined
  }

  /**
   * An agent's state changed (an event newer than the last one applied): the stretch it ends
   * counts toward handle time when it was talk, hold or after-call work on a queued call.
   * True when today's figures changed.
   */
  agentChanged(view: AgentView): boolean {
    // An agent talking to an abandoned caller reaches them (the list tells its own listeners).
    this.abandoned.agentChanged(view)
    const piece = this.handle.next(view)
    return piece !== null && this.addHandle(view.namespace, piece)
  }

  /**
   * Takes a callEnd: counted at once when it is today's, and stored. Settles once it is stored,
   * to 'applied' for a call seen the first time or 'duplicate' for a retry of one stored before.
   * `store: false`: another relay process of the cluster received and stored it; this one only
   * counts it.
   */
  ingest(
    event: CallEndEvent,
    receivedAt: number,
    orgTreePos: string | null,
    opts: { store?: boolean } = {},
  ): Promise<'applied' | 'duplicate'> {
    const summary = summaryOf(event, orgTreePos)
    const key = keyOf(summary)
    // A retry may come while the first delivery is still being written.
    const inFlight = this.writing.get(key)
    if (inFlight) return inFlight.then(() => 'duplicate')
    if (this.known.has(key)) return Promise.resolve('duplicate')
    const day = platformDay(summary.endTime ?? receivedAt, this.timeZone)
    // A call of another day (a retry after a restart, or after midnight) may be stored already:
    // the store keeps the first and says so.
    let stored = opts.store === false
    const persisted = (
      opts.store === false
        ? Promise.resolve()
        : this.writes.write(async (trx) => {
            stored = await this.repo.insert(trx, summary, day, receivedAt)
          })
    )
      .catch((err: unknown) => {
        // Not stored: the platform's retry must be taken again.
        this.known.delete(key)
        const todays = this.todays.get(summary.namespace)
        if (todays)
          this.todays.set(
            summary.namespace,
            todays.filter((c) => c !== summary),
          )
        this.ahead = this.ahead.filter((a) => a.call !== summary)
        throw err
      })
      .finally(() => this.writing.delete(key))
    this.writing.set(key, persisted)
    this.rollover(receivedAt)
    if (day === this.day) {
      this.add(summary)
      this.onCall(summary)
    } else if (day > this.day) this.ahead.push({ day, call: summary })
    return persisted.then(() => (stored ? 'applied' : 'duplicate'))
  }

  /**
   * Counts today's stored calls received since `from` (epoch ms) that this process has not seen
   * (in a cluster: stored by another process that could not pass them on). Returns them.
   */
  async reconcile(now: number, from: number): Promise<CallSummary[]> {
    this.rollover(now)
    const day = this.day
    const found: CallSummary[] = []
    for (const call of await this.repo.listDaySince(day, from)) {
      const key = keyOf(call)
      // The day moved on while reading, or this process holds (or is writing) the call already.
      if (this.day !== day || this.known.has(key) || this.writing.has(key)) continue
      this.add(call)
      this.onCall(call)
      found.push(call)
    }
    return found
  }

  /** Starts a new day when the platform's calendar moved on; true when it did. */
  rollover(now: number): boolean {
    const day = platformDay(now, this.timeZone)
    if (day === this.day) return false
    this.startDay(day, now)
    // Calls already stored for the new day are its first.
    const ahead = this.ahead
    this.ahead = []
    for (const a of ahead) {
      if (a.day === day) this.add(a.call)
      else if (a.day > day) this.ahead.push(a)
    }
    return true
  }

  figuresFor(namespace: string, filter?: BucketFilter): TodayFigures {
    return (this.figures.get(namespace) ?? new DayFigures(this.day, this.rulesOf(namespace))).read(
      filter,
    )
  }

  /** Figures for a part of the floor, each as far as it can be narrowed (see `readSplit`). */
  figuresSplit(
    namespace: string,
    queue: BucketFilter,
    agents: BucketFilter,
    outbound: BucketFilter,
  ): TodayFigures {
    const figures = this.figures.get(namespace) ?? new DayFigures(this.day, this.rulesOf(namespace))
    return figures.readSplit(queue, agents, outbound)
  }

  /** Today's latest calls of a namespace that pass the filter, newest last. */
  latestFor(namespace: string, filter: CallFilter = () => true): CallSummary[] {
    const all = this.latest.get(namespace) ?? []
    const out: CallSummary[] = []
    for (let i = all.length - 1; i >= 0 && out.length < LATEST_CALLS_MAX; i--) {
      const call = all[i]!
      if (filter(call)) out.push(call)
    }
    return out.reverse()
  }

  /**
   * A call back to an abandoned caller started through the console: their row says so until
   * the call ends (or CALLING_BACK_MAX_MS). False when the number is not waiting.
   */
  callingBack(namespace: string, phone: string, callId: string, by: string, now: number): boolean {
    return this.abandoned.callingBack(namespace, phone, callId, by, now)
  }

  /** Counts a tenant's day again, e.g. after its queue rules changed. */
  reload(namespace: string): void {
    const before = this.figures.get(namespace)
    this.figures.delete(namespace)
    this.latest.delete(namespace)
    this.abandoned.clearTenant(namespace)
    this.repeats.clearTenant(namespace)
    // In the order the store lists a day: by end time (none first), then as they came.
    const calls = [...(this.todays.get(namespace) ?? [])].sort(
      (a, b) => (a.endTime ?? -Infinity) - (b.endTime ?? -Infinity),
    )
    this.todays.delete(namespace)
    this.recounting = true
    for (const call of calls) this.add(call)
    this.recounting = false
    this.repeat.changed(namespace, null)
    if (before) this.figuresOf(namespace).takeHandleFrom(before)
  }

  /** Counts a piece of handle time (the part of it that is today's); true when any was. */
  private addHandle(namespace: string, p: HandlePiece): boolean {
    const from = Math.max(p.from, this.dayStart)
    if (p.to <= from) return false
    this.figuresOf(namespace).addHandle(p.skillId, p.orgTreePos, p.part, (p.to - from) / 1000)
    return true
  }

  private figuresOf(namespace: string): DayFigures {
    let figures = this.figures.get(namespace)
    if (!figures) {
      figures = new DayFigures(this.day, this.rulesOf(namespace))
      this.figures.set(namespace, figures)
    }
    return figures
  }

  /** Forgets the day before (figures, feed, abandoned callers) and starts `day`. */
  private startDay(day: string, now: number): void {
    this.day = day
    this.dayStart = dayStartOf(day, this.timeZone, now)
    this.figures.clear()
    this.latest.clear()
    this.abandoned.clear()
    this.known.clear()
    this.todays.clear()
    this.repeats.clear()
    if (!this.recounting) this.repeat.changed(null, null)
  }

  private add(call: CallSummary): void {
    const key = keyOf(call)
    this.known.set(key, call)
    let todays = this.todays.get(call.namespace)
    if (!todays) {
      todays = []
      this.todays.set(call.namespace, todays)
    }
    todays.push(call)
    const place = this.repeats.add(call)
    // Its place among the number's calls, shown once it makes the number a repeat caller.
    if (place !== null && place >= this.repeat.minOf(call.namespace)) call.callerCallsToday = place
    else delete call.callerCallsToday
    if (place !== null && !this.recounting)
      this.repeat.changed(call.namespace, digitsOf(customerNumberOf(call)!))
    this.figuresOf(call.namespace).add(call)
    this.abandoned.add(call)
    let latest = this.latest.get(call.namespace)
    if (!latest) {
      latest = []
      this.latest.set(call.namespace, latest)
    }
    latest.push(call)
    if (latest.length > LATEST_KEPT * 2) latest.splice(0, latest.length - LATEST_KEPT)
  }
}

/** A call's key among all tenants' calls. */
function keyOf(call: CallSummary): string {
  return `${call.namespace}\u0000${call.callId}`
}

/** Midnight of a platform-local day, epoch ms (`fallback` if the day cannot be read). */
function dayStartOf(day: string, timeZone: string, fallback: number): number {
  return parsePlatformTime(`${day} 00:00:00`, timeZone) ?? fallback
}
