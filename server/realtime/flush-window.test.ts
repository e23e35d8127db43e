import { describe, expect, it } from 'vitest'
import { FlushWindow } from './flush-window'

describe('FlushWindow', () => {
  it('fixed: always the whole window', () => {
    const w = new FlushWindow('fixed', 100)
    expect(w.intervalMs()).toBe(100)
    w.flushed(0.1, 0)
    expect(w.intervalMs()).toBe(100)
  })

  it('adaptive: nothing to wait for on a relay that has not been busy', () => {
    expect(new FlushWindow('adaptive', 100).intervalMs()).toBe(0)
  })

  it('adaptive: grows with what the flushes cost and with the event loop’s lag, up to the window', () => {
    const w = new FlushWindow('adaptive', 100)
    for (let i = 0; i < 30; i++) w.flushed(5, 0)
    const sending = w.intervalMs()
    expect(sending).toBeGreaterThan(5) // more than the flush itself: the relay also ingests
    expect(sending).toBeLessThan(100)
    for (let i = 0; i < 30; i++) w.flushed(5, 20)
    expect(w.intervalMs()).toBeGreaterThan(sending)
    // A burst that keeps the relay busy: one flush per window, no more often.
    for (let i = 0; i < 30; i++) w.flushed(80, 40)
    expect(w.intervalMs()).toBe(100)
  })

  it('adaptive: shrinks again once the load has passed', () => {
    const w = new FlushWindow('adaptive', 100)
    for (let i = 0; i < 30; i++) w.flushed(80, 40)
    for (let i = 0; i < 30; i++) w.flushed(0.05, 0)
    expect(w.intervalMs()).toBeLessThan(1)
  })

  it('adaptive: a flush called directly (no lag known) leaves the lag as it was', () => {
    const w = new FlushWindow('adaptive', 100)
    for (let i = 0; i < 30; i++) w.flushed(0, 30)
    const before = w.intervalMs()
    w.flushed(0, null)
    expect(w.intervalMs()).toBe(before)
  })
})
