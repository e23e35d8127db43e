import { expect, it } from 'vitest'
import { arraysEqual, memoByKey } from './memo-selector'

it('derives again only when the key changed, and hands out the same result while it is equal', () => {
  let computed = 0
  const select = memoByKey(
    (s: { roster: object; skills: string[]; states: number }) => s.roster,
    (s) => {
      computed += 1
      return [...s.skills].sort()
    },
    arraysEqual,
  )
  const roster = {}
  const first = select({ roster, skills: ['b', 'a'], states: 1 })
  // States change, the roster does not: not derived again.
  expect(select({ roster, skills: ['b', 'a'], states: 2 })).toBe(first)
  expect(computed).toBe(1)
  // A new roster with the same skills: derived, and the same array handed out.
  expect(select({ roster: {}, skills: ['a', 'b'], states: 3 })).toBe(first)
  expect(computed).toBe(2)
  expect(select({ roster: {}, skills: ['a', 'c'], states: 3 })).toEqual(['a', 'c'])
})
