import type { PlatformClient } from '../platform/platform.client'
import { idProblem } from '../platform/upstream-id'
import { PATHS, unwrapCdr } from '../call-records/records.service'
import type { NumberLookup } from './customer-numbers'

/** Longest number taken from a CDR, characters (a phone number with prefixes fits easily). */
const MAX_NUMBER_CHARS = 64

/**
 * The customer's number of a call from its CDR (seed 003 §4.4: `customerNo`, the seed's
 * "客户号码"), when the CDR exists, is the tenant's and is about this call. A call still
 * running usually has none yet (14011): null, and the callEnd brings the number.
 */
export function cdrNumberLookup(platform: PlatformClient): NumberLookup {
  return async (namespace, callId) => {
    if (idProblem(callId)) return null
    const res = await platform.getJson(PATHS.call(callId))
    if (!res.ok) return null
    const cdr = unwrapCdr(res.data)
    if (!cdr || cdr.domain !== namespace) return null
    if (cdr.callId !== undefined && cdr.callId !== callId) return null
    return numberOf(cdr.customerNo) ?? numberOf(cdr.customerPhone)
  }
}

function numberOf(v: unknown): string | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null
  const s = String(v).trim()
  return s === '' || s.length > MAX_NUMBER_CHARS ? null : s
}
