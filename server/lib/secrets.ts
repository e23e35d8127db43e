import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Compares a presented secret with the expected one in constant time. Both are hashed first,
 * so neither the content nor the length of the expected secret leaks through timing.
 */
export function tokenMatches(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/** A URL-safe random secret of `bytes` bytes of entropy. */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url')
}

/** Replaces query-string secrets in a URL before it is logged. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|password|secret|key)=)[^&#]*/gi, '$1[redacted]')
}
