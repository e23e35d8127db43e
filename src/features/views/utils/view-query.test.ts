import { describe, expect, it } from 'vitest'
import { VIEW_KEYS, saveViewBodySchema } from '@/shared/views'
import { applyViewQuery, viewLink, viewParam, viewParts, viewQueryOf } from './view-query'

describe('a view’s query', () => {
  it('keeps only the keys a view may hold, in the URL’s order, repeated keys too', () => {
    const url = new URLSearchParams(
      'view=4&skill=7001%40test.cc&breach=first&state=talking&state=acw&q=%E7%8E%8B&sort=time&figures=off&x=1',
    )
    const query = viewQueryOf(url)
    expect(query).toBe(
      'skill=7001%40test.cc&breach=first&state=talking&state=acw&q=%E7%8E%8B&sort=time&figures=off',
    )
    expect(
      [...new URLSearchParams(query).keys()].every((k) =>
        (VIEW_KEYS as readonly string[]).includes(k),
      ),
    ).toBe(true)
    // So the relay's own check accepts it.
    expect(saveViewBodySchema.safeParse({ name: 'x', query }).success).toBe(true)
  })

  it('round-trips: applying a saved query gives back the same filters and sort', () => {
    const saved = viewQueryOf(new URLSearchParams('skill=7001%40test.cc&dept=org-2&sort=name'))
    const applied = applyViewQuery(new URLSearchParams('state=ringing&q=5003&view=9'), saved)
    expect(viewQueryOf(applied)).toBe(saved)
    expect(applied.get('view')).toBeNull() // the link is gone
    expect(applied.getAll('state')).toEqual([]) // nothing kept from the floor before
    expect(applied.get('q')).toBeNull()
  })

  it('replaces the floor’s filters and sort, over-time-first too, and drops keys a stored query should not have', () => {
    const applied = applyViewQuery(
      new URLSearchParams('breach=first&sort=time'),
      'state=talking&evil=1',
    )
    expect(applied.toString()).toBe('state=talking')
  })

  it('reads the view id of a link, and makes the link', () => {
    expect(viewParam(new URLSearchParams('view=12'))).toBe(12)
    expect(viewParam(new URLSearchParams('q=1'))).toBeNull()
    expect(viewParam(new URLSearchParams('view=abc'))).toBeNaN()
    expect(viewLink(12, 'https://console.example')).toBe('https://console.example/?view=12')
  })

  it('splits a query into what it holds, for the summary', () => {
    expect(viewParts('skill=7001%40test.cc&state=talking&q=+%20&figures=off')).toEqual({
      skills: ['7001@test.cc'],
      depts: [],
      states: ['talking'],
      q: null,
      sort: null,
      figuresHidden: true,
      breachFirst: false,
      density: null,
    })
    expect(viewParts('density=table').density).toBe('table')
  })
})
