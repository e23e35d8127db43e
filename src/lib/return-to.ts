import type { Location } from 'react-router'

/** Longest path kept to return to, characters: a floor URL with every filter fits well within. */
const MAX_RETURN_CHARS = 2_000

/** Router state for a link that leaves a page the user will want to come back to. */
export function returnState(location: Pick<Location, 'pathname' | 'search'>): { from: string } {
  return { from: `${location.pathname}${location.search}` }
}

/**
 * Where to go back to, from a location's state: only a path inside this app (one leading "/",
 * never "//host"), else null. History state survives reloads, so it is read as untrusted.
 */
export function returnPath(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('from' in state)) return null
  const from = state.from
  if (typeof from !== 'string' || from.length > MAX_RETURN_CHARS) return null
  return from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/\\') ? from : null
}
