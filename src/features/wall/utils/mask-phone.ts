/*
 * A wall screen hangs where anyone in the room reads it: a customer's number shows there with
 * its middle hidden, enough for the team to tell callers apart and no more.
 */

const SHOWN_END = 4 // digits kept at the end

/**
 * `13912345678` → `139****5678`; shorter numbers keep fewer leading digits (`33255540` →
 * `33****5540`, `5551111` → `****1111`); four digits or fewer show nothing.
 */
export function maskPhone(phone: string): string {
  const n = phone.trim()
  if (n.length <= SHOWN_END) return '****'
  const lead = n.length >= 11 ? 3 : n.length >= 8 ? 2 : 0
  return `${n.slice(0, lead)}****${n.slice(-SHOWN_END)}`
}
