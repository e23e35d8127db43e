import type {
  CallsPage,
  CallsQuery,
  CdrListItem,
  RecordingInfo,
  RobotCallsQuery,
  SplitHint,
} from '@/shared/cdr'
import { formatQueryTime, parsePlatformTime, platformDay } from '@/shared/platform-time'
import type { SkillNames } from '@/shared/skill-names'
import type { CallSummary } from '@/shared/floor'
import { domainOf } from '@/shared/webhooks'
import type { CallsRepo } from '../day-calls/calls.repo'
import { RepeatCallers, reachedCenter } from '../day-calls/repeat-callers'
import type { Audience } from '../realtime/audience'
import type { RecordingsRepo } from './recordings.repo'
import { type FailureAnswer, failureAnswer } from '../platform/platform-messages'
import type { PlatformClient, PlatformFailure } from '../platform/platform.client'
import { checkedId, idProblem } from '../platform/upstream-id'
import type { Bilingual } from '@/shared/actions'
import type { UpstreamMessage } from '@/shared/upstream-messages'
import {
  SPLIT_UNKNOWN_MESSAGE,
  noCallMessage,
  unfitIdMessage,
  unknownRecordingMessage,
} from './records-messages'

// Routes check ids first and answer 400; this is the last guard before an id joins a URL.
const seg = (id: string, field: string) => encodeURIComponent(checkedId(id, field))

export const PATHS = {
  calls: '/api/cdr/2.0/calls/open',
  call: (callId: string) => `/api/cdr/2.0/calls/open/call/${seg(callId, 'callId')}`,
  recordings: (callId: string) => `/api/cdr/2.0/recordings/open/call/${seg(callId, 'callId')}`,
  callStream: (callId: string) =>
    `/api/cdr/2.0/recordings/open/call/${seg(callId, 'callId')}/stream`,
  recordingStream: (id: string) =>
    `/api/cdr/2.0/recordings/open/recording/${seg(id, 'recordingId')}/stream`,
  robot: '/api/cdr/2.0/open/calls/robot',
}

export type Result<T> = { ok: true; data: T } | { ok: false; answer: FailureAnswer | SplitAnswer }
export type SplitAnswer = SplitHint &
  Pick<FailureAnswer, 'platformCode' | 'platformMessage'> & {
    status: 409
    messages: Bilingual | UpstreamMessage
  }

// `total` of a query is remembered this long, and for this many queries at most.
const TOTAL_TTL_MS = 10 * 60 * 1000
const TOTALS_KEPT = 500
// A call whose CDR the platform showed to be the tenant's is trusted this long, for this many
// calls at most, so seeking in a recording (a Range request each) costs no CDR lookup each.
const OWNED_TTL_MS = 10 * 60 * 1000
const OWNED_KEPT = 1000

/**
 * Call records and recordings from the platform (§4.2–4.6), always for the user's own
 * tenant: `domain` comes from the session, never from the browser. What the platform answers
 * is not taken on trust: a CDR is served only when its `domain` is the user's tenant (an empty
 * or missing one is not), and a recording only while its call's CDR is.
 */
/** Where the rows' agent and skill-group names come from. */
export interface RowNames {
  agentName: (namespace: string, agentId: string) => string | null
  skillNames: (namespace: string) => SkillNames
}

const NO_NAMES: RowNames = { agentName: () => null, skillNames: () => ({}) }

/** Where the rows' repeat-caller counts come from: today's calls in memory, the tenant's minimum. */
export interface RowRepeats {
  /** A call of today's place among its number's calls, when that makes it a repeat caller. */
  today: (namespace: string, callId: string) => number | undefined
  /** The tenant's `repeatCallsMin`. */
  minOf: (namespace: string) => number
}

const NO_REPEATS: RowRepeats = { today: () => undefined, minOf: () => Infinity }

/** `5001`, `5001@test.cc` or `张伟` (any case) for agent `5001@test.cc` named 张伟. */
function matchesId(wanted: string, id: string | null | undefined, name: string | null | undefined) {
  if (!id) return false
  const w = wanted.toLocaleLowerCase()
  return (
    id.toLocaleLowerCase() === w ||
    (id.split('@')[0] ?? '').toLocaleLowerCase() === w ||
    (name ?? '').toLocaleLowerCase() === w
  )
}

export class RecordsService {
  private readonly totals = new Map<string, { total: number; at: number }>()
  private readonly owned = new Map<string, number>()

  constructor(
    private readonly platform: PlatformClient,
    private readonly calls: CallsRepo,
    private readonly recordings: RecordingsRepo,
    private readonly timeZone: string,
    private readonly now: () => number,
    /** Names of agents and skill groups, for the rows; none: ids only. */
    private readonly names: RowNames = NO_NAMES,
    /** Repeat callers' counts for the rows; none: rows carry none. */
    private readonly repeats: RowRepeats = NO_REPEATS,
  ) {}

  /** A page of §4.5, only the calls in the user's scope (`total` kept as `pageOf` says). */
  async list(audience: Audience, q: CallsQuery): Promise<Result<CallsPage>> {
    const base = {
      beginTime: q.beginTime,
      endTime: q.endTime,
      ani: q.ani,
      dnis: q.dnis,
      isOrder: q.isOrder,
      s: q.s,
      domain: audience.namespace,
    }
    const page = await this.pageOf(PATHS.calls, base, q.p, JSON.stringify(base), q)
    if (!page.ok) return page
    const { total, list } = page.data
    const known = await this.calls.getMany(
      audience.namespace,
      list.map((row) => row.callId),
    )
    const places = await this.repeatPlaces(audience.namespace, known)
    const rows = list
      .filter(
        (row) =>
          !namesOtherTenant(row, audience.namespace) &&
          visibleCall(audience, known.get(row.callId) ?? null),
      )
      .map((row) => {
        const withPeople = this.withPeople(audience.namespace, row, known.get(row.callId) ?? null)
        const place = places.get(row.callId)
        return place === undefined ? withPeople : { ...withPeople, callerCallsToday: place }
      })
    if (!q.agent && !q.skill) return { ok: true, data: { total, list: rows } }
    // Filtered on the relay, page by page: how many match in all is not known.
    const skillNames = this.names.skillNames(audience.namespace)
    const kept = rows.filter(
      (row) =>
        (!q.agent || matchesId(q.agent, row.agentId, row.agentName)) &&
        (!q.skill || matchesId(q.skill, row.skillId, row.skillId ? skillNames[row.skillId] : null)),
    )
    return { ok: true, data: { total: null, list: kept } }
  }

  /**
   * The calls' places among their numbers' calls of their day, for those that made the number a
   * repeat caller: today's from the day's calls in memory, a past day's from the stored calls
   * of that day (kept CALL_RETENTION_DAYS days), one query per day on the page. Calls the relay never saw
   * end have none.
   */
  private async repeatPlaces(
    namespace: string,
    calls: Map<string, CallSummary>,
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>()
    const min = this.repeats.minOf(namespace)
    const today = platformDay(this.now(), this.timeZone)
    const pastDays = new Map<string, CallSummary[]>()
    for (const call of calls.values()) {
      if (call.endTime === null || !reachedCenter(call)) continue
      const day = platformDay(call.endTime, this.timeZone)
      if (day === today) {
        const place = this.repeats.today(namespace, call.callId)
        if (place !== undefined) out.set(call.callId, place)
      } else {
        pastDays.set(day, [...(pastDays.get(day) ?? []), call])
      }
    }
    for (const [day, wanted] of pastDays) {
      const numbers = wanted.flatMap((c) => [c.customerPhone, c.ani].filter((n) => n !== null))
      const counter = new RepeatCallers()
      for (const call of await this.calls.listDayOfNumbers(namespace, day, numbers)) {
        const place = counter.add(call)
        if (place !== null && place >= min && calls.has(call.callId)) out.set(call.callId, place)
      }
    }
    return out
  }

  /** The row with the agent and skill group of its call, as the relay saw the call end. */
  private withPeople(namespace: string, row: CdrListItem, call: CallSummary | null): CdrListItem {
    const agentId = call?.agentId ?? null
    const skillId = call?.skillId ?? null
    return {
      ...row,
      agentId,
      agentName: agentId ? this.names.agentName(namespace, agentId) : null,
      skillId,
      skillName: skillId ? (this.names.skillNames(namespace)[skillId] ?? null) : null,
    }
  }

  async robotList(
    audience: Audience,
    q: RobotCallsQuery,
  ): Promise<Result<CallsPage<Record<string, unknown>>>> {
    const { p, ...rest } = q
    const base = { ...rest, domain: audience.namespace, isDownload: 0 }
    const page = await this.pageOf(PATHS.robot, base, p, `robot:${JSON.stringify(base)}`, q)
    if (!page.ok) return page
    const { total, list } = page.data
    const rows = list.filter((row) => !namesOtherTenant(row, audience.namespace))
    return { ok: true, data: { total, list: rows as unknown as Record<string, unknown>[] } }
  }

  /**
   * Page `p` of a paged query, with its `total`: the platform sends it only with page 1, so it
   * is kept per query (`key`), and a later page asked first fetches page 1 alongside to learn
   * it. A range across two of the platform's databases (14015) answers with the two halves to
   * run instead, where the platform named the time to split at.
   */
  private async pageOf(
    path: string,
    base: Record<string, unknown>,
    p: number,
    key: string,
    range: { beginTime: string; endTime: string },
  ): Promise<Result<{ total: number | null; list: CdrListItem[] }>> {
    const known = this.knownTotal(key)
    const [page, first] = await Promise.all([
      this.platform.getJson(path, { ...base, p }),
      p > 1 && known === null
        ? this.platform.getJson(path, { ...base, p: 1 })
        : Promise.resolve(null),
    ])
    if (!page.ok)
      return {
        ok: false,
        answer:
          page.kind === 'code' && page.code === 14015
            ? this.split(range, page)
            : failureAnswer(page),
      }
    const parsed = pageOf(page.data)
    const total = parsed.total ?? (first?.ok ? pageOf(first.data).total : null) ?? known
    if (total !== null) this.rememberTotal(key, total)
    return { ok: true, data: { total, list: parsed.list } }
  }

  /**
   * One CDR (§4.4), if it is the user's tenant's and within the user's scope. The platform
   * answers by callId alone, so its `domain` decides: a CDR of another tenant, or one with an
   * empty or missing `domain`, is answered 404 as if it did not exist.
   */
  async detail(audience: Audience, callId: string): Promise<Result<Record<string, unknown>>> {
    // Routes check ids first; a call id from a webhook (the peaks prefetcher's) is checked here.
    const problem = idProblem(callId)
    if (problem) return { ok: false, answer: unfitId('callId', problem) }
    const call = await this.calls.get(audience.namespace, callId)
    if (!visibleCall(audience, call)) return { ok: false, answer: notFound(callId) }
    const res = await this.platform.getJson(PATHS.call(callId))
    if (!res.ok) return { ok: false, answer: failureAnswer(res) }
    const cdr = unwrapCdr(res.data)
    if (!cdr || cdr.domain !== audience.namespace) return { ok: false, answer: notFound(callId) }
    // An answer about some other call is not this call's.
    if (cdr.callId !== undefined && cdr.callId !== callId)
      return { ok: false, answer: notFound(callId) }
    this.rememberOwned(audience.namespace, callId)
    const people = this.withPeople(audience.namespace, { callId }, call)
    const place = call
      ? (await this.repeatPlaces(audience.namespace, new Map([[callId, call]]))).get(callId)
      : undefined
    return {
      ok: true,
      data: {
        ...cdr,
        ...people,
        ...(place === undefined ? {} : { callerCallsToday: place }),
        callId: cdr.callId ?? callId,
      },
    }
  }

  /**
   * Whether the user may have the call's audio: in scope, and its CDR the tenant's (asked of
   * the platform, or known from a recent answer).
   */
  async ownedCall(audience: Audience, callId: string): Promise<Result<null>> {
    if (!(await this.visible(audience, callId))) return { ok: false, answer: notFound(callId) }
    if (this.isOwned(audience.namespace, callId)) return { ok: true, data: null }
    const detail = await this.detail(audience, callId)
    return detail.ok ? { ok: true, data: null } : detail
  }

  /**
   * The call's recordings (§4.2), remembered so their ids can be served. §4.2's rows carry no
   * domain: a recording is the tenant's through its call, so a row naming another call, an
   * id unfit for a URL, or a device of another tenant is left out.
   */
  async recordingsOf(audience: Audience, callId: string): Promise<Result<RecordingInfo[]>> {
    const detail = await this.detail(audience, callId)
    if (!detail.ok) return detail
    const res = await this.platform.getJson(PATHS.recordings(callId))
    if (!res.ok) {
      if (res.kind === 'code' && res.code === 14012) return { ok: true, data: [] }
      return { ok: false, answer: failureAnswer(res) }
    }
    const list = listOf(res.data)
      .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
      .filter(
        (r): r is Record<string, unknown> & { id: string | number } =>
          (typeof r.id === 'string' || typeof r.id === 'number') &&
          idProblem(String(r.id)) === null &&
          (r.callId === undefined || r.callId === null || r.callId === callId) &&
          !deviceOfOtherTenant(r.deviceId, audience.namespace),
      )
      .map((r) => ({ ...r, id: String(r.id), callId }))
    await this.recordings.remember(audience.namespace, list, this.now())
    return { ok: true, data: list }
  }

  /**
   * A recording the user may hear: known (listed for one of their calls), in scope, and its
   * call still the tenant's by its CDR (a recording remembered from an answer this relay would
   * no longer accept is not served). 404 otherwise, as for a guessed id.
   */
  async recording(audience: Audience, id: string): Promise<Result<RecordingInfo>> {
    const r = await this.recordings.get(audience.namespace, id)
    if (!r || idProblem(r.callId) || !(await this.visible(audience, r.callId)))
      return { ok: false, answer: unknownRecording(id) }
    const owned = await this.ownedCall(audience, r.callId)
    if (!owned.ok)
      return owned.answer.status === 404 ? { ok: false, answer: unknownRecording(id) } : owned
    return { ok: true, data: r }
  }

  /** The call as the relay saw it end (for file names), if it did. */
  summary(namespace: string, callId: string): Promise<CallSummary | null> {
    return this.calls.get(namespace, callId)
  }

  /**
   * Whether the audience may see a call. A whole-tenant user sees every call of the tenant;
   * a user limited to a department or skills sees the calls the relay knows to be theirs
   * (from `callEnd`), and not calls it knows nothing of.
   */
  async visible(audience: Audience, callId: string): Promise<boolean> {
    if (!audience.filtered) return true
    return visibleCall(audience, await this.calls.get(audience.namespace, callId))
  }

  /**
   * 14015: the platform will not query across two of its databases. The seed (§4.5.5) says
   * only "请以xx时间点分为两次查询" (split it at time point xx) and gives no rule for where
   * its databases part, so the relay takes the time from the platform's own answer when it
   * names one inside the range, and otherwise asks the user to narrow the range; it never
   * guesses a boundary (a calendar month) of its own.
   */
  private split(q: { beginTime: string; endTime: string }, f: PlatformFailure): SplitAnswer {
    const base = failureAnswer(f)
    const begin = parsePlatformTime(q.beginTime, this.timeZone)
    const end = parsePlatformTime(q.endTime, this.timeZone)
    const cut = f.kind === 'code' ? splitPointOf(f.message, this.timeZone) : null
    if (cut === null || begin === null || end === null || cut <= begin || cut > end) {
      const messages = SPLIT_UNKNOWN_MESSAGE
      return { ...base, status: 409, error: 'split_required', message: messages.en, messages }
    }
    return {
      ...base,
      status: 409,
      error: 'split_required',
      halves: [
        { beginTime: q.beginTime, endTime: formatQueryTime(cut - 1000, this.timeZone) },
        { beginTime: formatQueryTime(cut, this.timeZone), endTime: q.endTime },
      ],
    }
  }

  private isOwned(namespace: string, callId: string): boolean {
    const at = this.owned.get(`${namespace}\u0000${callId}`)
    return at !== undefined && this.now() - at <= OWNED_TTL_MS
  }

  private rememberOwned(namespace: string, callId: string): void {
    const key = `${namespace}\u0000${callId}`
    this.owned.delete(key)
    this.owned.set(key, this.now())
    if (this.owned.size > OWNED_KEPT) this.owned.delete(this.owned.keys().next().value!)
  }

  private knownTotal(key: string): number | null {
    const hit = this.totals.get(key)
    if (!hit || this.now() - hit.at > TOTAL_TTL_MS) return null
    return hit.total
  }

  private rememberTotal(key: string, total: number): void {
    this.totals.delete(key)
    this.totals.set(key, { total, at: this.now() })
    if (this.totals.size > TOTALS_KEPT) this.totals.delete(this.totals.keys().next().value!)
  }
}

function notFound(callId: string): FailureAnswer {
  const messages = noCallMessage(callId)
  return { status: 404, error: 'not_found', message: messages.en, messages }
}

function unfitId(field: string, problem: string): FailureAnswer {
  const messages = unfitIdMessage(field, problem)
  return { status: 400, error: 'invalid_request', message: messages.en, messages }
}

function unknownRecording(id: string): FailureAnswer {
  const messages = unknownRecordingMessage(id)
  return { status: 404, error: 'not_found', message: messages.en, messages }
}

/**
 * A list row that names a tenant other than the user's. §4.5 rows carry no `domain` (the
 * query names it); a row that does carry one, empty or another's, is not the user's.
 */
/**
 * Whether the audience may see a call the relay knows as `call` (null: it never saw it end). A
 * whole-tenant user sees every call of the tenant; a user limited to a department or skills,
 * only the calls known to be theirs.
 */
function visibleCall(audience: Audience, call: CallSummary | null): boolean {
  if (!audience.filtered) return true
  return call !== null && audience.includesCall(call)
}

function namesOtherTenant(row: object, namespace: string): boolean {
  const domain = (row as { domain?: unknown }).domain
  return domain !== undefined && domain !== null && domain !== namespace
}

/** A recording's device that carries a domain other than the tenant's (`8001@other.cc`). */
function deviceOfOtherTenant(deviceId: unknown, namespace: string): boolean {
  if (typeof deviceId !== 'string') return false
  const domain = domainOf(deviceId)
  return domain !== null && domain !== namespace
}

/** §4.5 answers `{total, list}`; read it tolerantly (a bare list, or one under `data`). */
function pageOf(body: unknown): { total: number | null; list: CdrListItem[] } {
  const o =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {}
  const inner =
    typeof o.data === 'object' && o.data !== null && !Array.isArray(o.data)
      ? (o.data as Record<string, unknown>)
      : o
  const raw = inner.total ?? o.total
  const total = raw === undefined || raw === null ? null : Number(raw)
  const list = listOf(body).filter(
    (r): r is CdrListItem =>
      typeof r === 'object' && r !== null && typeof (r as { callId?: unknown }).callId === 'string',
  )
  return { total: total !== null && Number.isFinite(total) ? total : null, list }
}

// A date and time as the platform writes them (`2024-06-01 00:00:00`, `2024.06.01 00:00`).
const TIME_IN_TEXT = /\d{4}[-./]\d{1,2}[-./]\d{1,2}[ T]\d{1,2}:\d{2}(?::\d{2})?/g

/**
 * The time a 14015 message says to split at ("请以xx时间点分为两次查询"), if it names exactly
 * one; several or none: no cut is guessed.
 */
export function splitPointOf(message: string | null, timeZone: string): number | null {
  const times = [...(message ?? '').matchAll(TIME_IN_TEXT)].map((m) =>
    parsePlatformTime(m[0], timeZone),
  )
  return times.length === 1 ? times[0]! : null
}

/** A list the seed leaves the shape of open: a bare array, or one under `list` or `data`. */
function listOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body
  if (typeof body !== 'object' || body === null) return []
  const o = body as Record<string, unknown>
  for (const key of ['list', 'data', 'records', 'rows']) {
    const v = o[key]
    if (Array.isArray(v)) return v
    if (typeof v === 'object' && v !== null) {
      const inner = listOf(v)
      if (inner.length) return inner
    }
  }
  return []
}

/** One CDR: the object itself, or (as some gateways wrap answers) under `data`. */
export function unwrapCdr(body: unknown): Record<string, unknown> | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null
  const o = body as Record<string, unknown>
  if (typeof o.callId === 'string') return o
  return typeof o.data === 'object' && o.data !== null && !Array.isArray(o.data)
    ? (o.data as Record<string, unknown>)
    : null
}
