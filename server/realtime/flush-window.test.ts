import { describe, expect, it } from 'vitest'
import { FlushWindow } from './flush-window'

const often = (w: FlushWindow, costMs: number, utilization: number | null) => {
  for (let i = 0; i < 30; i++) w.flushed(costMs, utilization)
}

describe('FlushWindow', () => {
  it('fixed: always the whole window', () => {
    const w = new FlushWindow('fixed', 100)
    expect(w.intervalMs()).toBe(100)
    often(w, 0.1, 0.05)
    expect(w.intervalMs()).toBe(100)
  })

  it('adaptive: nothing to wait for on a relay that has not been busy', () => {
    expect(new FlushWindow('adaptive', 100).intervalMs()).toBe(0)
  })

  it('adaptive: leaves the relay time for the webhooks when sending to the screens takes long', () => {
    const w = new FlushWindow('adaptive', 100)
    often(w, 8, 0.3)
    const sending = w.intervalMs()
    expect(sending).toBeGreaterThan(8) // more than the flush itself
    expect(sending).toBeLessThan(100)
  })

  it('adaptive: coalesces more as the event loop gets busier, up to one flush per window', () => {
    const w = new FlushWindow('adaptive', 100)
    often(w, 8, 0.3)
    const calm = w.intervalMs()
    often(w, 8, 0.7)
    const busier = w.intervalMs()
    expect(busier).toBeGreaterThan(calm)
    expect(busier).toBeLessThan(100)
    often(w, 8, 0.98)
    expect(w.intervalMs()).toBe(100)
  })

  it('adaptive: shrinks again once the load has passed', () => {
    const w = new FlushWindow('adaptive', 100)
    often(w, 80, 1)
    often(w, 0.05, 0.02)
    expect(w.intervalMs()).toBeLessThan(1)
  })

  it('adaptive: a flush called directly (load not measured) leaves the load as it was', () => {
    const w = new FlushWindow('adaptive', 100)
    often(w, 0, 0.8)
    const before = w.intervalMs()
    w.flushed(0, null)
    expect(w.intervalMs()).toBe(before)
  })
})
