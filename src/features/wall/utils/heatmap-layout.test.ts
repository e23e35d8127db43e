import { describe, expect, it } from 'vitest'
import { heatLayout } from './heatmap-layout'

function used(l: ReturnType<typeof heatLayout>) {
  return {
    width: l.columns * l.size + (l.columns - 1) * l.gap,
    height: l.rows * l.size + (l.rows - 1) * l.gap,
  }
}

describe('the heatmap layout', () => {
  it('fits 800 agents in a 1080p wall’s grid, in cells large enough to tell apart', () => {
    const l = heatLayout(800, 1870, 600, 60)
    expect(l.columns * l.rows).toBeGreaterThanOrEqual(800)
    expect(used(l).width).toBeLessThanOrEqual(1870)
    expect(used(l).height).toBeLessThanOrEqual(600)
    expect(l.size).toBeGreaterThanOrEqual(30)
  })

  it('keeps a handful of cells at the largest size asked for', () => {
    expect(heatLayout(12, 1870, 600, 48).size).toBe(48)
  })

  it('in a box too small, keeps the smallest cells and wraps them', () => {
    const l = heatLayout(5000, 300, 100, 40)
    expect(l.size).toBe(6)
    expect(l.columns * l.rows).toBeGreaterThanOrEqual(5000)
  })
})
