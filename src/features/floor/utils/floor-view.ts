import { STATE_FAMILIES, type StateFamily } from '@/shared/ac-state'

export const SORT_KEYS = ['exceptions', 'state', 'time', 'name'] as const
/**
 * exceptions: agents over time first (red, then amber, longest over first), then the rest in
 * state order; state: family order, then longest in state; time: longest in state first;
 * name: alphabetical.
 */
export type SortKey = (typeof SORT_KEYS)[number]

/** What the floor shows: kept in the URL so a view can be shared or pinned on a wall screen. */
export interface FloorView {
  /** Skill group ids; an agent matches if it has any of them. Empty: all. */
  skills: string[]
  /** Department keys (see `deptKey`). Empty: all. */
  depts: string[]
  /** State families. Empty: all. */
  families: StateFamily[]
  /** Search text, matched against name and id. */
  q: string
  sort: SortKey
  /** Today's figures and latest calls beside the grid. */
  showFigures: boolean
  /** Agents past their red, then amber threshold ahead of the rest (each group in `sort` order). */
  breachFirst: boolean
  /** Only the agents past a threshold (the toolbar's "N over time"). */
  overTime: boolean
}

export const DEFAULT_VIEW: FloorView = {
  skills: [],
  depts: [],
  families: [],
  q: '',
  // Trouble first: a lead looks for who needs help before anything else.
  sort: 'exceptions',
  showFigures: true,
  breachFirst: false,
  overTime: false,
}

const FAMILY_SET: ReadonlySet<string> = new Set(STATE_FAMILIES)

function isFamily(value: string): value is StateFamily {
  return FAMILY_SET.has(value)
}

function isSortKey(value: string | null): value is SortKey {
  return value !== null && (SORT_KEYS as readonly string[]).includes(value)
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))]
}

/**
 * Reads a view from `?skill=…&dept=…&state=…&q=…&sort=…&figures=off&breach=first&over=only`;
 * unknown values are dropped.
 */
export function parseFloorView(params: URLSearchParams): FloorView {
  const sort = params.get('sort')
  return {
    skills: unique(params.getAll('skill')),
    depts: unique(params.getAll('dept')),
    families: STATE_FAMILIES.filter((f) => params.getAll('state').includes(f)).filter(isFamily),
    q: (params.get('q') ?? '').trim(),
    sort: isSortKey(sort) ? sort : DEFAULT_VIEW.sort,
    showFigures: params.get('figures') !== 'off',
    breachFirst: params.get('breach') === 'first',
    overTime: params.get('over') === 'only',
  }
}

const VIEW_PARAMS = ['skill', 'dept', 'state', 'q', 'sort', 'figures', 'breach', 'over'] as const

/**
 * Writes a view as query parameters over `base` (whose other parameters are kept), leaving
 * defaults out so plain URLs stay plain.
 */
export function floorViewParams(view: FloorView, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base)
  for (const name of VIEW_PARAMS) params.delete(name)
  for (const skill of view.skills) params.append('skill', skill)
  for (const dept of view.depts) params.append('dept', dept)
  for (const family of view.families) params.append('state', family)
  if (view.q.trim() !== '') params.set('q', view.q.trim())
  if (view.sort !== DEFAULT_VIEW.sort) params.set('sort', view.sort)
  if (!view.showFigures) params.set('figures', 'off')
  if (view.breachFirst) params.set('breach', 'first')
  if (view.overTime) params.set('over', 'only')
  return params
}

/** True when some filter narrows the floor (sort and panel do not count). */
export function hasFilters(view: FloorView): boolean {
  return (
    view.skills.length > 0 ||
    view.depts.length > 0 ||
    view.families.length > 0 ||
    view.overTime ||
    view.q.trim() !== ''
  )
}
