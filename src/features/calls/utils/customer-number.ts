import { PHONE_PATTERN } from '@/shared/outbound'

/**
 * The customer's number on a call record, to call them back: the record's `customerNo` when it
 * has one, else the caller on an inbound call (callType 1, 呼入) and the number dialled on any
 * other (an agent's or a robot's outbound call). Null when that is not a phone number.
 */
export function customerNumberOf(row: Record<string, unknown>): string | null {
  const text = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''
  const inbound = text(row.callType) === '1' || text(row.callTypeName) === '呼入'
  const candidates = [text(row.customerNo), inbound ? text(row.ani) : text(row.dnis)]
  return candidates.find((n) => PHONE_PATTERN.test(n)) ?? null
}
