import { describe, expect, it } from 'vitest'
import { scalePeaks } from './peaks'

describe('peaks', () => {
  it('divide the relay’s integers by the scale, a lane per channel', () => {
    const [agent, customer] = scalePeaks({ scale: 32767, channels: [[0, 32767, 16384], [8192]] })
    expect([...agent!]).toEqual([0, 1, expect.closeTo(0.5, 4)])
    expect([...customer!]).toEqual([expect.closeTo(0.25, 4)])
  })

  it('clip what lies outside 0..scale, and survive a zero scale', () => {
    expect([...scalePeaks({ scale: 100, channels: [[150, -5]] })[0]!]).toEqual([1, 0])
    expect([...scalePeaks({ scale: 0, channels: [[0.5]] })[0]!]).toEqual([0.5])
  })
})
