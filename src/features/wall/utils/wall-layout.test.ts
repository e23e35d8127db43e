import { describe, expect, it } from 'vitest'
import {
  TILE_HEIGHT_EM,
  TILE_WIDTH_EM,
  type WallLayout,
  unitRange,
  wallLayout,
} from './wall-layout'

/** The grid's box on a screen of that size, as the wall leaves it below its header and figures. */
function box(width: number, height: number) {
  return { width: width - 24, height: Math.round(height * 0.72), ...unitRange(height) }
}

function expectFits(layout: WallLayout, width: number, height: number) {
  const usedWidth = layout.columns * layout.tileWidth + (layout.columns - 1) * layout.gap
  const usedHeight = layout.rows * layout.tileHeight + (layout.rows - 1) * layout.gap
  expect(usedWidth).toBeLessThanOrEqual(width)
  expect(usedHeight).toBeLessThanOrEqual(height)
  expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(layout.perPage)
  expect(layout.tileWidth).toBeGreaterThanOrEqual(layout.unit * TILE_WIDTH_EM)
  expect(layout.tileHeight).toBeGreaterThanOrEqual(layout.unit * TILE_HEIGHT_EM)
  expect(layout.tileHeight).toBeLessThanOrEqual(layout.unit * TILE_HEIGHT_EM * 1.3)
}

describe('the wall layout', () => {
  it('fits 60 agents on a 1080p screen on one page, in type readable across the room', () => {
    const b = box(1920, 1080)
    const layout = wallLayout({ count: 60, ...b })
    expect(layout.pages).toBe(1)
    expect(layout.perPage).toBe(60)
    expect(layout.unit).toBeGreaterThanOrEqual(b.minUnit)
    expectFits(layout, b.width, b.height)
    // The largest size that fits: one pixel more would not.
    const bigger = wallLayout({ count: 60, ...b, minUnit: layout.unit + 1 })
    expect(bigger.pages).toBeGreaterThan(1)
  })

  it('fits 60 agents on a 720p screen too, smaller but still readable', () => {
    const b = box(1280, 720)
    const layout = wallLayout({ count: 60, ...b })
    expect(layout.pages).toBe(1)
    expect(layout.unit).toBeGreaterThanOrEqual(18)
    expect(layout.unit).toBeLessThan(wallLayout({ count: 60, ...box(1920, 1080) }).unit)
    expectFits(layout, b.width, b.height)
  })

  it('pages 500 agents at the smallest readable size, filling pages evenly', () => {
    const b = box(1920, 1080)
    const layout = wallLayout({ count: 500, ...b })
    expect(layout.unit).toBe(b.minUnit)
    expect(layout.pages).toBe(5)
    expect(layout.perPage).toBe(100)
    expect(layout.perPage * layout.pages).toBeGreaterThanOrEqual(500)
    expectFits(layout, b.width, b.height)
  })

  it('pages 500 agents on a 720p screen over more pages', () => {
    const b = box(1280, 720)
    const layout = wallLayout({ count: 500, ...b })
    expect(layout.unit).toBe(18)
    expect(layout.pages).toBe(8)
    expect(layout.perPage).toBe(63)
    expectFits(layout, b.width, b.height)
  })

  it('gives a 4K screen twice the type of a 1080p one for the same floor', () => {
    const hd = wallLayout({ count: 60, ...box(1920, 1080) })
    const uhd = wallLayout({ count: 60, ...box(3840, 2160) })
    expect(uhd.pages).toBe(1)
    expect(uhd.unit).toBeGreaterThanOrEqual(hd.unit * 2 - 1)
  })

  it('never overflows, whatever the floor and the box', () => {
    for (const count of [0, 1, 7, 60, 61, 199, 500, 2000]) {
      for (const [w, h] of [
        [1920, 1080],
        [1280, 720],
        [3840, 2160],
        [1080, 1920],
        [300, 200],
      ] as const) {
        const b = box(w, h)
        const layout = wallLayout({ count, ...b })
        expectFits(layout, b.width, b.height)
        expect(layout.perPage * layout.pages).toBeGreaterThanOrEqual(count)
      }
    }
  })

  it('caps the size for a handful of agents and evens out the rows', () => {
    const b = box(1920, 1080)
    const layout = wallLayout({ count: 9, ...b })
    expect(layout.unit).toBe(b.maxUnit)
    expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(9)
    expect(layout.columns * (layout.rows - 1)).toBeLessThan(9)
  })

  it('shrinks below the readable size only when not even one tile would fit', () => {
    const layout = wallLayout({ count: 10, width: 100, height: 40, minUnit: 20, maxUnit: 60 })
    expect(layout.unit).toBe(12)
    expect(layout.perPage).toBe(1)
    expect(layout.pages).toBe(10)
    expectFits(layout, 100, 40)
  })
})

describe('the readable size on a 4K wall', () => {
  it('shows about twice the agents a page of a 1080p wall, not the same ones twice as large', () => {
    const hd = wallLayout({ count: 2000, ...box(1920, 1080) })
    const uhd = wallLayout({ count: 2000, ...box(3840, 2160) })
    expect(uhd.unit).toBeLessThan(hd.unit * 2)
    expect(uhd.perPage).toBeGreaterThanOrEqual(hd.perPage * 1.8)
    expectFits(uhd, 3840 - 24, Math.round(2160 * 0.72))
  })

  it('never goes below 18 px', () => {
    expect(unitRange(600).minUnit).toBe(18)
    expect(unitRange(1080).minUnit).toBe(20)
  })
})
