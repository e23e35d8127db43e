// Characters that print nothing or reorder what follows: control characters (but line breaks
// and tabs), zero-width characters and bidirectional overrides. In a body shown to an admin
// they could hide or disguise text, so each is shown as its code instead.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g

/** `text` with every invisible or reordering character written as `\u202E`. */
export function visibleText(text: string): string {
  return text.replace(
    INVISIBLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}

/** The first `max` UTF-16 units of `text`, never ending inside a character. */
export function headOf(text: string, max: number): string {
  if (text.length <= max) return text
  const last = text.charCodeAt(max - 1)
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max)
}
