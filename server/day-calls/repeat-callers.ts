import type { AgentView, CallSummary } from '@/shared/floor'
import { SAME_NUMBER_MIN_DIGITS, customerNumberOf, digitsOf, sameNumber } from './abandoned-callers'
import { isOutbound } from './figures'

/** One customer number's calls of the day that reached the center. */
interface Caller {
  digits: string
  callIds: Set<string>
}

/**
 * A call that reached the center: an inbound call with a customer's number, answered or
 * abandoned. Calls the agents or the platform placed (outbound) do not count.
 */
export function reachedCenter(call: CallSummary): boolean {
  return !isOutbound(call) && customerNumberOf(call) !== null
}

// Agent states of a call an agent or a dialler placed, or of an internal call: the current
// call is then not one that reached the center.
const PLACED_STATE = /^(Manual|PreOccupied|Predictive|AgentAuto|PreView|Internal)/

/** Whether the agent's current call was placed, as their state (or the one before) says. */
function placedCall(view: AgentView): boolean {
  return PLACED_STATE.test(view.acState) || PLACED_STATE.test(view.lastACState ?? '')
}

/**
 * Each tenant's customer numbers and their calls of the day that reached the center, in the
 * order those calls ended: a call's place among its number's calls, and how many times a
 * number called so far. Numbers match as the abandoned callers' do (`sameNumber`).
 */
export class RepeatCallers {
  /** Per tenant, callers by the last SAME_NUMBER_MIN_DIGITS digits of their number. */
  private readonly tenants = new Map<string, Map<string, Caller[]>>()

  /**
   * Counts a call of the day, once per callId; its place among its number's calls (1 for the
   * first), or null when it does not count (outbound, or no customer number).
   */
  add(call: CallSummary): number | null {
    if (!reachedCenter(call)) return null
    const digits = digitsOf(customerNumberOf(call)!)
    const bucket = this.bucketOf(call.namespace, digits, true)
    let caller = bucket.find((c) => sameNumber(c.digits, digits))
    if (!caller) {
      caller = { digits, callIds: new Set() }
      bucket.push(caller)
    }
    caller.callIds.add(call.callId)
    return this.count(call.namespace, digits)
  }

  /** How many of the number's calls of the day ended so far, leaving `except` (a callId) out. */
  count(namespace: string, digits: string, except?: string): number {
    let n = 0
    for (const c of this.bucketOf(namespace, digits, false)) {
      if (!sameNumber(c.digits, digits)) continue
      n += c.callIds.size - (except !== undefined && c.callIds.has(except) ? 1 : 0)
    }
    return n
  }

  /** Whether a call of the day was counted (it ended and reached the center). */
  has(namespace: string, digits: string, callId: string): boolean {
    return this.bucketOf(namespace, digits, false).some((c) => c.callIds.has(callId))
  }

  /**
   * The number's calls of the day for an agent on a call with it: the ended ones, and the
   * current one once more while it is in progress and was not placed by the agent (once it has
   * ended it is among the ended ones, if it counts). Null without a call or a number.
   */
  forAgent(view: AgentView): number | null {
    if (view.callId === null || view.customerNumber === null) return null
    const digits = digitsOf(view.customerNumber)
    if (digits === '') return null
    const ended = this.count(view.namespace, digits, view.callId)
    if (this.has(view.namespace, digits, view.callId)) return ended + 1
    return placedCall(view) ? ended : ended + 1
  }

  clear(): void {
    this.tenants.clear()
  }

  clearTenant(namespace: string): void {
    this.tenants.delete(namespace)
  }

  private bucketOf(namespace: string, digits: string, create: boolean): Caller[] {
    const key = digits.slice(-SAME_NUMBER_MIN_DIGITS)
    let tenant = this.tenants.get(namespace)
    if (!tenant) {
      if (!create) return []
      tenant = new Map()
      this.tenants.set(namespace, tenant)
    }
    let bucket = tenant.get(key)
    if (!bucket) {
      if (!create) return []
      bucket = []
      tenant.set(key, bucket)
    }
    return bucket
  }
}
