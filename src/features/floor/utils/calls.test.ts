import { describe, expect, it } from 'vitest'
import { T0, call } from '@/testing/fixtures'
import { isAbandonedCall, newestFirst } from './calls'

describe('latest calls feed', () => {
  it('lists by end time, newest first, whatever the arrival order', () => {
    const late = call(1, { endTime: T0 + 10_000 }) // a retried webhook, arriving last
    const calls = [call(2, { endTime: T0 + 20_000 }), call(3, { endTime: T0 + 30_000 }), late]
    expect(newestFirst(calls).map((c) => c.callId)).toEqual(['call-3', 'call-2', 'call-1'])
  })

  it('marks queue abandons', () => {
    expect(isAbandonedCall(call(1, { endReason: 'QueueAbandon' }))).toBe(true)
    expect(isAbandonedCall(call(1, { endReason: 'CustomerHangup' }))).toBe(false)
  })
})
