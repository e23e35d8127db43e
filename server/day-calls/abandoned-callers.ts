import { stateFamily } from '@/shared/ac-state'
import type { AgentView, CallSummary } from '@/shared/floor'
import { ABANDONED_CALLERS_MAX, type AbandonedCaller, type CallBacks } from '@/shared/outbound'
import type { CallFilter } from './calls.store'
import { isOutbound } from './figures'

/** A call back asked through the console shows as under way for at most this long, ms. */
export const CALLING_BACK_MAX_MS = 10 * 60 * 1000
/**
 * Two numbers are the same caller when one ends with the other and the shorter has at least
 * this many digits: an outbound call carries the line's prefix (0, 9, 17951…) before the
 * number the customer called from.
 */
export const SAME_NUMBER_MIN_DIGITS = 7

/** One number that abandoned today, waiting or reached. */
interface Caller {
  phone: string
  digits: string
  attempts: number
  firstAt: number
  lastAt: number
  /** The latest abandoned call: its queue names the row, and scopes it to who may see it. */
  lastCall: CallSummary
  /** Null while waiting. */
  reachedAt: number | null
  /** Seconds from the first abandoned call to the first call that reached the number. */
  reachSec: number | null
  callingBack: AbandonedCaller['callingBack']
}

/** Answered calls of one number, so a callEnd that arrives late still finds its reach. */
interface Answered {
  digits: string
  at: number
}

interface Tenant {
  /** Callers by the last SAME_NUMBER_MIN_DIGITS digits of their number (the whole, if shorter). */
  callers: Map<string, Caller[]>
  answered: Map<string, Answered[]>
  /** Callers in the order they (last) abandoned: the list's order, newest last. */
  order: Caller[]
  /** Callers being called back, by the call back's callId: a callEnd finds its mark at once. */
  callingBack: Map<string, Caller>
}

/** Sets or ends a caller's call-back mark, keeping the tenant's index of marks by callId. */
function mark(tenant: Tenant, caller: Caller, callingBack: Caller['callingBack']): void {
  if (caller.callingBack) tenant.callingBack.delete(caller.callingBack.callId)
  caller.callingBack = callingBack
  if (callingBack) tenant.callingBack.set(callingBack.callId, caller)
}

/** Digits of a number, without `+`, spaces or dashes. */
export function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '')
}

/** Whether two digit strings are the same caller (one with an outbound prefix is). */
export function sameNumber(a: string, b: string): boolean {
  if (a === '' || b === '') return false
  if (a === b) return true
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  return short.length >= SAME_NUMBER_MIN_DIGITS && long.endsWith(short)
}

function bucketOf(digits: string): string {
  return digits.slice(-SAME_NUMBER_MIN_DIGITS)
}

/**
 * The customer's number on a call: the one the platform names, else the calling side of an
 * inbound call or the called side of an outbound one.
 */
export function customerNumberOf(call: CallSummary): string | null {
  const n = call.customerPhone ?? (isOutbound(call) ? call.dnis : call.ani)
  return n && digitsOf(n) !== '' ? n : null
}

/**
 * Gave up before an agent answered: the platform says so (QueueAbandon, seed 003 §7.2), or an
 * inbound call that queued and was never answered.
 */
export function isAbandonedCaller(call: CallSummary): boolean {
  if (call.endReason === 'QueueAbandon') return true
  return !isOutbound(call) && call.answerTime === null && (call.queueSec ?? 0) > 0
}

function talksToCustomer(view: AgentView): boolean {
  const family = stateFamily(view.acState)
  return family === 'talking' || family === 'hold'
}

/**
 * Today's abandoned callers, per tenant: one per number, with how often they tried, until an
 * answered call with that number (a call back, or their next call taken by an agent) reaches
 * them. Fed with the day's calls in the order they end, and with every agent's state: an agent
 * talking to a waiting number reaches it before its call ends.
 */
export class AbandonedCallers {
  private readonly tenants = new Map<string, Tenant>()
  private readonly listeners: ((namespace: string) => void)[] = []

  constructor(
    /**
     * A number's calls of the day when it is a repeat caller (shown on its row), else
     * undefined; none: rows carry no count.
     */
    private readonly repeatCalls: (namespace: string, digits: string) => number | undefined = () =>
      undefined,
  ) {}

  /** Calls `listener` with the namespace whenever its list or figures changed. */
  onChange(listener: (namespace: string) => void): void {
    this.listeners.push(listener)
  }

  /** A call of the day ended (in the order they end). True when the list changed. */
  add(call: CallSummary): boolean {
    const phone = customerNumberOf(call)
    const tenant = this.tenantOf(call.namespace)
    let changed = this.endCallingBack(tenant, call.callId)
    if (phone === null) return this.changed(call.namespace, changed)
    const digits = digitsOf(phone)
    if (isAbandonedCaller(call)) {
      changed = this.abandoned(tenant, call, phone, digits) || changed
    } else if (call.answerTime !== null) {
      this.rememberAnswer(tenant, digits, call.answerTime)
      changed = this.reach(tenant, digits, call.answerTime) || changed
    }
    return this.changed(call.namespace, changed)
  }

  /**
   * An agent's state changed: talking to (or holding) a waiting number reaches it now, before
   * the call's end tells us. True when the list changed.
   */
  agentChanged(view: AgentView): boolean {
    if (view.customerNumber === null || !talksToCustomer(view)) return false
    const tenant = this.tenants.get(view.namespace)
    if (!tenant) return false
    const digits = digitsOf(view.customerNumber)
    return this.changed(view.namespace, this.reach(tenant, digits, view.stateSince))
  }

  /**
   * A call back to `phone` started through the console (`callId` is the platform's): its row
   * says so until the call ends or CALLING_BACK_MAX_MS passes. False when the number is not
   * waiting.
   */
  callingBack(namespace: string, phone: string, callId: string, by: string, now: number): boolean {
    const tenant = this.tenants.get(namespace)
    const caller = tenant && this.waitingCaller(tenant, digitsOf(phone))
    if (!caller) return false
    mark(tenant, caller, { by, since: now, callId })
    return this.changed(namespace, true)
  }

  /** Ends the call-back marks older than CALLING_BACK_MAX_MS; the namespaces that changed. */
  expire(now: number): string[] {
    const out: string[] = []
    for (const [namespace, tenant] of this.tenants) {
      let changed = false
      for (const c of tenant.callingBack.values()) {
        if (now - c.callingBack!.since >= CALLING_BACK_MAX_MS) {
          mark(tenant, c, null)
          changed = true
        }
      }
      if (this.changed(namespace, changed)) out.push(namespace)
    }
    return out
  }

  /** A new day: nobody is waiting any more. The namespaces that had anyone. */
  clear(): string[] {
    const namespaces = [...this.tenants.keys()]
    this.tenants.clear()
    for (const n of namespaces) this.changed(n, true)
    return namespaces
  }

  /** Forgets one tenant (its day is counted again). */
  clearTenant(namespace: string): void {
    this.tenants.delete(namespace)
  }

  /** What one audience of a tenant sees: the callers whose latest abandoned call passes `filter`. */
  read(namespace: string, filter: CallFilter = () => true): CallBacks {
    const tenant = this.tenants.get(namespace)
    const waiting: AbandonedCaller[] = []
    let waitingCount = 0
    let abandonedToday = 0
    const reach: number[] = []
    for (let i = (tenant?.order.length ?? 0) - 1; i >= 0; i--) {
      const c = tenant!.order[i]!
      if (!filter(c.lastCall)) continue
      abandonedToday += 1
      if (c.reachSec !== null) reach.push(c.reachSec)
      if (c.reachedAt !== null) continue
      waitingCount += 1
      if (waiting.length < ABANDONED_CALLERS_MAX) {
        const calls = this.repeatCalls(namespace, c.digits)
        waiting.push(calls === undefined ? rowOf(c) : { ...rowOf(c), callerCallsToday: calls })
      }
    }
    return {
      waiting,
      waitingCount,
      abandonedToday,
      reachedAgain: reach.length,
      medianReachSec: median(reach),
    }
  }

  private abandoned(tenant: Tenant, call: CallSummary, phone: string, digits: string): boolean {
    const at = call.endTime ?? call.startTime ?? 0
    let caller = this.callerOf(tenant, digits)
    if (caller && caller.reachedAt !== null) {
      // Reached earlier today and abandoned again: waiting again, the day's figures keep the
      // first reach.
      caller.reachedAt = null
      caller.attempts = 0
      caller.firstAt = at
    }
    if (!caller) {
      caller = {
        phone,
        digits,
        attempts: 0,
        firstAt: at,
        lastAt: at,
        lastCall: call,
        reachedAt: null,
        reachSec: null,
        callingBack: null,
      }
      this.bucket(tenant.callers, bucketOf(digits)).push(caller)
    } else {
      tenant.order.splice(tenant.order.indexOf(caller), 1)
    }
    caller.attempts += 1
    caller.phone = phone
    caller.lastAt = Math.max(caller.lastAt, at)
    caller.lastCall = call
    // The latest abandoned last, whatever order the platform's callEnds came in (a retry comes
    // late): nearly always the end of the list.
    let place = tenant.order.length
    while (place > 0 && tenant.order[place - 1]!.lastAt > caller.lastAt) place -= 1
    tenant.order.splice(place, 0, caller)
    // A call answered after this one ended, whose end came first (the platform retries late).
    const later = (tenant.answered.get(bucketOf(digits)) ?? []).find(
      (a) => sameNumber(a.digits, digits) && a.at >= at,
    )
    if (later) this.reach(tenant, digits, later.at)
    return true
  }

  /**
   * Reaches the waiting caller with these digits at `at`; true when there was one. A call
   * answered before their first abandoned call ended (on another line) did not reach them.
   */
  private reach(tenant: Tenant, digits: string, at: number): boolean {
    const caller = this.waitingCaller(tenant, digits)
    if (!caller || at < caller.firstAt) return false
    caller.reachedAt = at
    caller.reachSec ??= Math.max(0, Math.round((at - caller.firstAt) / 1000))
    mark(tenant, caller, null)
    return true
  }

  private endCallingBack(tenant: Tenant, callId: string): boolean {
    const caller = tenant.callingBack.get(callId)
    if (caller) mark(tenant, caller, null)
    return caller !== undefined
  }

  private rememberAnswer(tenant: Tenant, digits: string, at: number): void {
    const list = this.bucket(tenant.answered, bucketOf(digits))
    const held = list.find((a) => a.digits === digits)
    if (held) held.at = Math.max(held.at, at)
    else list.push({ digits, at })
  }

  private callerOf(tenant: Tenant, digits: string): Caller | undefined {
    return tenant.callers.get(bucketOf(digits))?.find((c) => sameNumber(c.digits, digits))
  }

  private waitingCaller(tenant: Tenant, digits: string): Caller | undefined {
    const caller = this.callerOf(tenant, digits)
    return caller && caller.reachedAt === null ? caller : undefined
  }

  private bucket<T>(map: Map<string, T[]>, key: string): T[] {
    let list = map.get(key)
    if (!list) {
      list = []
      map.set(key, list)
    }
    return list
  }

  private tenantOf(namespace: string): Tenant {
    let t = this.tenants.get(namespace)
    if (!t) {
      t = { callers: new Map(), answered: new Map(), order: [], callingBack: new Map() }
      this.tenants.set(namespace, t)
    }
    return t
  }

  private changed(namespace: string, changed: boolean): boolean {
    if (changed) for (const l of this.listeners) l(namespace)
    return changed
  }
}

function rowOf(c: Caller): AbandonedCaller {
  return {
    phone: c.phone,
    attempts: c.attempts,
    firstAt: c.firstAt,
    lastAt: c.lastAt,
    skillId: c.lastCall.skillId,
    lastCallId: c.lastCall.callId,
    callingBack: c.callingBack,
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2)
}
