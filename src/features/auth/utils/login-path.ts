/** Why the sign-in page was opened, as it explains it to the user. */
export const LOGIN_REASONS = ['expired', 'disabled', 'ended'] as const
export type LoginReason = (typeof LOGIN_REASONS)[number]

export const LOGIN_PATH = '/login'
const HOME = '/'

export interface LoginTarget {
  /** Where to go back to after signing in (a path of this app). */
  next?: string | null
  reason?: LoginReason | null
  /** The page was a wall screen whose link no longer works. */
  kioskInvalid?: boolean
}

/** `/login?next=…&reason=…`, or `/login?kiosk=invalid`. */
export function loginPath({ next, reason, kioskInvalid }: LoginTarget = {}): string {
  const params = new URLSearchParams()
  if (kioskInvalid) params.set('kiosk', 'invalid')
  const safe = safeNext(next)
  if (safe !== HOME && !safe.startsWith(LOGIN_PATH)) params.set('next', safe)
  if (reason) params.set('reason', reason)
  const query = params.toString()
  return query ? `${LOGIN_PATH}?${query}` : LOGIN_PATH
}

/**
 * A `next` worth following: a path on this site, never another origin (`//evil`, `/\evil`,
 * `https://…`) and never the sign-in page itself. Anything else is the home page.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`)) return HOME
  return next
}

export function parseLoginReason(value: string | null): LoginReason | null {
  return (LOGIN_REASONS as readonly string[]).includes(value ?? '') ? (value as LoginReason) : null
}
