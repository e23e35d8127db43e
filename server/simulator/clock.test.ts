import { describe, expect, it } from 'vitest'
import { ManualClock, RealClock } from './clock'

describe('ManualClock', () => {
  it('runs timers in due order, each at its own time, ties in scheduling order', () => {
    const clock = new ManualClock(1_000)
    const ran: string[] = []
    clock.schedule(30, () => ran.push(`c@${clock.now()}`))
    clock.schedule(10, () => {
      ran.push(`a@${clock.now()}`)
      clock.schedule(0, () => ran.push(`a2@${clock.now()}`))
    })
    clock.schedule(10, () => ran.push(`b@${clock.now()}`))
    const cancelled = clock.schedule(20, () => ran.push('never'))
    clock.cancel(cancelled)
    clock.advance(25)
    expect(ran).toEqual(['a@1010', 'b@1010', 'a2@1010'])
    expect(clock.now()).toBe(1_025)
    clock.advance(5)
    expect(ran.at(-1)).toBe('c@1030')
    expect(clock.pending()).toBe(0)
  })
})

describe('RealClock', () => {
  it('compresses delays `speed` times but keeps stamping wall-clock times', async () => {
    const errors: unknown[] = []
    const clock = new RealClock(20, Date.UTC(2024, 0, 1), (e) => errors.push(e))
    const wallStart = performance.now()
    const due = clock.now() + 200
    const fired = await new Promise<{ wall: number; sim: number }>((resolve) =>
      clock.schedule(4_000, () =>
        resolve({ wall: performance.now() - wallStart, sim: clock.now() }),
      ),
    )
    // A 4 s delay at ×20 is 200 ms of wall time, and the clock has moved by just that.
    expect(fired.wall).toBeGreaterThanOrEqual(190)
    expect(fired.wall).toBeLessThan(1_000)
    expect(fired.sim).toBe(due)
    clock.stop()
    expect(errors).toEqual([])
  })

  it('keeps running after a step throws, reporting the error', async () => {
    const errors: unknown[] = []
    const clock = new RealClock(1_000, 0, (e) => errors.push(e))
    clock.schedule(1, () => {
      throw new Error('boom')
    })
    await new Promise<void>((resolve) => clock.schedule(2, resolve))
    expect(errors).toHaveLength(1)
    clock.stop()
  })
})
