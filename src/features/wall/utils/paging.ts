/** How long each page of a wall with more agents than fit stays up, ms. */
export const DEFAULT_ROTATE_MS = 15_000
const MIN_ROTATE_MS = 5_000
const MAX_ROTATE_MS = 120_000

/**
 * The page showing at `now` (epoch ms): pages change every `rotateMs` on the clock, so every
 * wall screen with the same floor shows the same page, and no timer of its own is needed.
 */
export function pageAt(now: number, pages: number, rotateMs: number): number {
  if (pages <= 1) return 0
  return Math.floor(now / rotateMs) % pages
}

/** The ids on `page` of `perPage` each. */
export function pageSlice(
  ids: readonly string[],
  page: number,
  perPage: number,
): readonly string[] {
  if (ids.length <= perPage) return ids
  return ids.slice(page * perPage, (page + 1) * perPage)
}

/** `?rotate=30` (seconds) on the wall's URL, within 5–120 s; the default otherwise. */
export function rotateMsFrom(params: URLSearchParams): number {
  const sec = Number(params.get('rotate'))
  if (!Number.isFinite(sec) || sec <= 0) return DEFAULT_ROTATE_MS
  return Math.min(MAX_ROTATE_MS, Math.max(MIN_ROTATE_MS, Math.round(sec * 1000)))
}
