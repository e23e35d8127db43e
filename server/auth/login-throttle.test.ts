import { describe, expect, it } from 'vitest'
import { addressKey, DEFAULT_THROTTLE, LoginThrottle } from './login-throttle'

describe('the sign-in throttle', () => {
  it('counts attempts in flight, and lets a right password release its own', () => {
    const throttle = new LoginThrottle(DEFAULT_THROTTLE, () => 0)
    const inFlight = Array.from({ length: 5 }, () => throttle.admit('lead', '203.0.113.1', false))
    expect(inFlight.every((a) => a.ok)).toBe(true)
    expect(throttle.admit('lead', '203.0.113.1', false)).toEqual({ ok: false, retryAfterSec: 30 })
    for (const a of inFlight) if (a.ok) a.attempt.succeeded()
    expect(throttle.admit('lead', '203.0.113.1', false).ok).toBe(true)
  })

  it('counts the failures another relay process saw: guesses spread over two processes meet one limit', () => {
    const here = new LoginThrottle(DEFAULT_THROTTLE, () => 0)
    const there = new LoginThrottle(DEFAULT_THROTTLE, () => 0)
    // Each tells the other of its failures, as the cluster feed does.
    here.onFailure = (f) => there.failedElsewhere(f)
    there.onFailure = (f) => here.failedElsewhere(f)
    for (let i = 0; i < 5; i++) {
      const side = i % 2 === 0 ? here : there
      const a = side.admit('lead', '203.0.113.1', false)
      expect(a.ok).toBe(true)
      if (a.ok) a.attempt.failed()
    }
    // Five failures in all: the sixth waits on either process.
    expect(here.admit('lead', '203.0.113.1', false)).toEqual({ ok: false, retryAfterSec: 30 })
    expect(there.admit('lead', '203.0.113.1', false)).toEqual({ ok: false, retryAfterSec: 30 })
  })

  it('keeps its memory bounded while names and addresses are cycled, and keeps the delay of a name under attack', () => {
    let now = 0
    const limits = { ...DEFAULT_THROTTLE, maxEntries: 1_000 }
    const throttle = new LoginThrottle(limits, () => now)
    for (let i = 0; i < 5; i++) {
      const a = throttle.admit('lead', '203.0.113.1', false)
      if (a.ok) a.attempt.failed()
    }
    for (let i = 0; i < 20_000; i++) {
      now += 10
      const a = throttle.admit(
        `name-${i}`,
        `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        false,
      )
      if (a.ok) a.attempt.failed()
      expect(throttle.size).toBeLessThanOrEqual(limits.maxEntries)
    }
    // The 5 failures are still counted: the next one doubles the wait.
    const next = throttle.admit('lead', '198.51.100.9', false)
    expect(next.ok).toBe(true)
    if (next.ok) next.attempt.failed()
    expect(throttle.admit('lead', '198.51.100.9', false)).toEqual({ ok: false, retryAfterSec: 60 })
  })

  it('forgets failures after a day without any', () => {
    let now = 0
    const throttle = new LoginThrottle(DEFAULT_THROTTLE, () => now)
    for (let i = 0; i < 10; i++) {
      now += 15 * 60_000
      const a = throttle.admit('lead', '203.0.113.1', false)
      if (a.ok) a.attempt.failed()
    }
    expect(throttle.admit('lead', '203.0.113.1', false).ok).toBe(false)
    now += DEFAULT_THROTTLE.forgetMs + 1
    expect(throttle.admit('lead', '203.0.113.1', false).ok).toBe(true)
    expect(throttle.size).toBe(2)
  })
})

describe('the address an attempt counts against', () => {
  it('is the IPv4 address, or the /64 network of an IPv6 address', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9')
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2::ffff')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0DB8:0001:0002:a::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(addressKey('::ffff:1.2.3.4:5')).toBe('::ffff:1.2.3.4:5')
  })
})
