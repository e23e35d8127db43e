import { VIEW_KEYS } from '@/shared/views'

/** `/?view=<id>`: opens a saved view on the floor. */
export const VIEW_PARAM = 'view'

const KEYS: ReadonlySet<string> = new Set(VIEW_KEYS)

/**
 * The part of the floor's query string a view saves: the allowed keys only (filters and sort),
 * in the URL's order. Anything else in the URL (the `view` link itself, parameters a view does
 * not hold) stays out, so the relay never refuses a save for a stray key.
 */
export function viewQueryOf(params: URLSearchParams): string {
  const saved = new URLSearchParams()
  for (const [key, value] of params) if (KEYS.has(key)) saved.append(key, value)
  return saved.toString()
}

/**
 * The URL after opening a view: its filters and sort replace the current ones (none kept from
 * before, so a view shows exactly what was saved), other parameters stay, `view` goes.
 */
export function applyViewQuery(current: URLSearchParams, query: string): URLSearchParams {
  const next = new URLSearchParams()
  for (const [key, value] of current)
    if (!KEYS.has(key) && key !== VIEW_PARAM) next.append(key, value)
  for (const [key, value] of new URLSearchParams(query)) if (KEYS.has(key)) next.append(key, value)
  return next
}

/** The view id in `?view=`, or null when there is none; NaN for one that cannot be an id. */
export function viewParam(params: URLSearchParams): number | null {
  const raw = params.get(VIEW_PARAM)
  if (raw === null) return null
  return /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN
}

/** The shareable link of a view, on this page's origin. */
export function viewLink(id: number, origin: string): string {
  return `${origin}/?${VIEW_PARAM}=${id}`
}

/** What a view holds, key by key, for saying it in words. */
export interface ViewParts {
  skills: string[]
  depts: string[]
  states: string[]
  q: string | null
  sort: string | null
  figuresHidden: boolean
  /** Agents over their threshold first (`breach=first`). */
  breachFirst: boolean
  /** Tiles, compact tiles or table; null for a view that leaves it to each user. */
  density: string | null
}

export function viewParts(query: string): ViewParts {
  const params = new URLSearchParams(query)
  const q = params.get('q')?.trim() ?? ''
  return {
    skills: params.getAll('skill'),
    depts: params.getAll('dept'),
    states: params.getAll('state'),
    q: q === '' ? null : q,
    sort: params.get('sort'),
    figuresHidden: params.get('figures') === 'off',
    breachFirst: params.get('breach') === 'first',
    density: params.get('density'),
  }
}
