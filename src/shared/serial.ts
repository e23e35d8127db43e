/*
 * The platform's event `serial` (§7.3: "globally unique", a Java long or wider): up to
 * 64-bit unsigned, 20 digits at most. JavaScript numbers keep integers exactly only up to
 * 2^53 (16 digits), so a serial is kept as its decimal digits from the raw body to the floor
 * and the database, and compared as such.
 */

/** Largest serial taken: 2^64 − 1. */
export const MAX_SERIAL = '18446744073709551615'
/** Digits of MAX_SERIAL; stored serials are padded to this width so text order is number order. */
export const SERIAL_WIDTH = MAX_SERIAL.length

/** The digits of a serial without leading zeros ("0" for zero), or null when it is not one. */
export function canonicalSerial(value: string | number): string | null {
  let digits: string
  if (typeof value === 'number') {
    // A number literal above 2^53 has already lost digits; quoteLongSerials keeps them.
    if (!Number.isSafeInteger(value) || value < 0) return null
    digits = String(value)
  } else {
    digits = value.trim()
    if (!/^\d{1,40}$/.test(digits)) return null
  }
  const stripped = digits.replace(/^0+(?=\d)/, '')
  return compareSerials(stripped, MAX_SERIAL) > 0 ? null : stripped
}

/** Orders two canonical serials: negative, 0 or positive, as `a` is below, equal or above `b`. */
export function compareSerials(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

/** A canonical serial as stored: zero-padded to SERIAL_WIDTH, so SQL orders it as a number. */
export function storedSerial(serial: string): string {
  return serial.padStart(SERIAL_WIDTH, '0')
}

/** A stored serial (padded text, or an integer from before serials were text) as canonical. */
export function serialFromStore(stored: string | number | bigint): string {
  return String(stored).replace(/^0+(?=\d)/, '')
}

// At a `"serial"` key: the colon and an integer literal of 16 or more digits (from 2^53 on,
// JSON.parse may change digits). Sticky: tried exactly where the key was found.
const LONG_SERIAL = /("serial"\s*:\s*)(-?\d{16,})(?=\s*[,}\]])/y

/**
 * The raw text of a JSON body with every long integer literal of a `serial` key quoted, so
 * JSON.parse keeps its digits (`{"serial":9007199254740993}` → `{"serial":"9007199254740993"}`).
 * Only a key is touched: the text is walked one string literal at a time, so `"serial"` inside
 * another string is never seen, and a string value is never followed by a colon. A `serial`
 * nested deeper (say in userData) is quoted too; such maps are kept as they come, digits and all.
 */
export function quoteLongSerials(raw: string): string {
  if (!raw.includes('"serial"')) return raw
  let out = ''
  let last = 0
  // Walk the text string by string: a match is taken only outside string literals.
  const token = /"(?:[^"\\]|\\.)*"/g
  let m: RegExpExecArray | null
  while ((m = token.exec(raw)) !== null) {
    if (m[0] !== '"serial"') continue
    LONG_SERIAL.lastIndex = m.index
    const s = LONG_SERIAL.exec(raw)
    if (!s) continue
    out += `${raw.slice(last, s.index)}${s[1]}"${s[2]}"`
    last = s.index + s[0].length
    token.lastIndex = last
  }
  return last === 0 ? raw : out + raw.slice(last)
}
