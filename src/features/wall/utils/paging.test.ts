import { describe, expect, it } from 'vitest'
import { DEFAULT_ROTATE_MS, pageAt, pageSlice, rotateMsFrom } from './paging'

const T = 1_736_128_800_000 // a whole minute, epoch ms

describe('page rotation', () => {
  it('moves to the next page every 15 s and starts over after the last', () => {
    const pages = [0, 1, 2, 3, 4, 5, 6].map((i) => pageAt(T + i * DEFAULT_ROTATE_MS, 5, 15_000))
    const first = pages[0] ?? 0
    expect(pages).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => (first + i) % 5))
    // Within one period the page holds.
    expect(pageAt(T + 14_999, 5, 15_000)).toBe(pageAt(T, 5, 15_000))
  })

  it('stays on the only page, and stays in range when pages drop', () => {
    expect(pageAt(T + 123_456, 1, 15_000)).toBe(0)
    expect(pageAt(T + 123_456, 0, 15_000)).toBe(0)
    for (let i = 0; i < 20; i++) expect(pageAt(T + i * 15_000, 3, 15_000)).toBeLessThan(3)
  })

  it('slices a page of ids', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `a${i}`)
    expect(pageSlice(ids, 0, 4)).toEqual(['a0', 'a1', 'a2', 'a3'])
    expect(pageSlice(ids, 2, 4)).toEqual(['a8', 'a9', 'a10'])
    expect(pageSlice(ids, 0, 20)).toBe(ids)
  })

  it('takes the period from the URL within bounds', () => {
    expect(rotateMsFrom(new URLSearchParams(''))).toBe(15_000)
    expect(rotateMsFrom(new URLSearchParams('rotate=30'))).toBe(30_000)
    expect(rotateMsFrom(new URLSearchParams('rotate=1'))).toBe(5_000)
    expect(rotateMsFrom(new URLSearchParams('rotate=9999'))).toBe(120_000)
    expect(rotateMsFrom(new URLSearchParams('rotate=soon'))).toBe(15_000)
  })
})
