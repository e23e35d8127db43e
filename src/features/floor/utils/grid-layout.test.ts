import { describe, expect, it } from 'vitest'
import { TILE_GAP, TILE_MIN_WIDTH, columnsFor, nextIndex } from './grid-layout'

describe('columnsFor', () => {
  it('fits as many minimum-width tiles as the width allows, at least one', () => {
    expect(columnsFor(0)).toBe(1)
    expect(columnsFor(TILE_MIN_WIDTH)).toBe(1)
    expect(columnsFor(TILE_MIN_WIDTH * 2 + TILE_GAP)).toBe(2)
    expect(columnsFor(TILE_MIN_WIDTH * 2 + TILE_GAP - 1)).toBe(1)
    expect(columnsFor(1920)).toBeGreaterThanOrEqual(8)
  })
})

describe('nextIndex', () => {
  it('moves by one, by a row, by a page, and to the ends, within bounds', () => {
    expect(nextIndex('ArrowRight', 3, 5, 20, 2)).toBe(4)
    expect(nextIndex('ArrowLeft', 0, 5, 20, 2)).toBe(0)
    expect(nextIndex('ArrowDown', 3, 5, 20, 2)).toBe(8)
    expect(nextIndex('ArrowDown', 17, 5, 20, 2)).toBe(19)
    expect(nextIndex('ArrowUp', 3, 5, 20, 2)).toBe(0)
    expect(nextIndex('PageDown', 0, 5, 20, 2)).toBe(10)
    expect(nextIndex('End', 0, 5, 20, 2)).toBe(19)
    expect(nextIndex('Home', 7, 5, 20, 2)).toBe(0)
    expect(nextIndex('a', 7, 5, 20, 2)).toBeNull()
  })
})
