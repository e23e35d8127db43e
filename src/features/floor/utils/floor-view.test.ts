import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW, floorViewParams, hasFilters, parseFloorView } from './floor-view'

describe('floor view in the URL', () => {
  it('reads filters, search and sort from the query string', () => {
    const view = parseFloorView(
      new URLSearchParams(
        'skill=7001%40test.cc&skill=7002%40test.cc&dept=org-1&state=talking&state=bogus&q=%E7%8E%8B&sort=name&figures=off&breach=first&over=only',
      ),
    )
    expect(view).toEqual({
      skills: ['7001@test.cc', '7002@test.cc'],
      depts: ['org-1'],
      families: ['talking'],
      q: '王',
      sort: 'name',
      showFigures: false,
      breachFirst: true,
      overTime: true,
    })
  })

  it('puts exceptions first unless another order is asked for', () => {
    expect(DEFAULT_VIEW.sort).toBe('exceptions')
    expect(parseFloorView(new URLSearchParams('sort=state')).sort).toBe('state')
    expect(floorViewParams({ ...DEFAULT_VIEW, sort: 'state' }).toString()).toBe('sort=state')
  })

  it('falls back to defaults for missing or unknown values', () => {
    expect(parseFloorView(new URLSearchParams('sort=random'))).toEqual(DEFAULT_VIEW)
  })

  it('round-trips, leaves defaults out, and keeps unrelated parameters', () => {
    const view = { ...DEFAULT_VIEW, families: ['acw' as const], q: 'x' }
    const params = floorViewParams(view, new URLSearchParams('agent=5001&sort=name'))
    expect(params.toString()).toBe('agent=5001&state=acw&q=x')
    expect(parseFloorView(params)).toEqual(view)
    expect(floorViewParams(DEFAULT_VIEW).toString()).toBe('')
  })

  it('knows when filters narrow the floor', () => {
    expect(hasFilters(DEFAULT_VIEW)).toBe(false)
    expect(hasFilters({ ...DEFAULT_VIEW, sort: 'name' })).toBe(false)
    expect(hasFilters({ ...DEFAULT_VIEW, q: 'a' })).toBe(true)
    expect(hasFilters({ ...DEFAULT_VIEW, overTime: true })).toBe(true)
  })
})
