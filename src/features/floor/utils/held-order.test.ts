import { describe, expect, it } from 'vitest'
import { countChanges } from './held-order'

describe('countChanges', () => {
  const held = ['a', 'b', 'c', 'd', 'e']

  it('counts nothing when the order is the same', () => {
    expect(countChanges(held, held)).toBe(0)
    expect(countChanges(held, [...held])).toBe(0)
  })

  it('counts one agent moving to the top as one change, not as every tile shifting', () => {
    expect(countChanges(held, ['e', 'a', 'b', 'c', 'd'])).toBe(1)
  })

  it('counts two agents swapping places as one move', () => {
    expect(countChanges(held, ['b', 'a', 'c', 'd', 'e'])).toBe(1)
  })

  it('counts agents that would appear or go', () => {
    expect(countChanges(held, ['a', 'b', 'c', 'd', 'e', 'f'])).toBe(1)
    expect(countChanges(held, ['a', 'c', 'd', 'e'])).toBe(1)
    expect(countChanges(held, ['f', 'a', 'c', 'd', 'e'])).toBe(2)
  })

  it('counts a reversed floor as all but one moving', () => {
    expect(countChanges(held, [...held].reverse())).toBe(4)
  })
})
