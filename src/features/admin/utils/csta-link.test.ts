import { describe, expect, it } from 'vitest'
import type { CstaHealth } from '@/shared/health'
import { cstaLinkState } from './csta-link'

const link = (over: Partial<CstaHealth>): CstaHealth => ({
  session: 'live',
  lastLoginAt: 1_000,
  logins: 1,
  renewAt: null,
  lastCall: null,
  lastError: null,
  ...over,
})
const error = (at: number, retried = false) => ({
  at,
  kind: 'session_refused' as const,
  status: 426,
  retried,
  detail: null,
})

describe('cstaLinkState', () => {
  it('is off without CSTA settings, unused before the first action', () => {
    expect(cstaLinkState(null)).toBe('off')
    expect(cstaLinkState(link({ session: 'none', lastLoginAt: null, logins: 0 }))).toBe('unused')
  })

  it('is ok when the platform accepted a call after the last error (a session renewed)', () => {
    expect(cstaLinkState(link({ lastCall: { at: 5, status: 204 } }))).toBe('ok')
    expect(cstaLinkState(link({ lastCall: { at: 5, status: 204 }, lastError: error(5) }))).toBe(
      'ok',
    )
    // A business refusal (456: the call ended) still proves the link works.
    expect(cstaLinkState(link({ lastCall: { at: 9, status: 456 }, lastError: error(5) }))).toBe(
      'ok',
    )
  })

  it('is failing when the last error is newer, or the call after it was refused too', () => {
    expect(cstaLinkState(link({ lastCall: { at: 5, status: 204 }, lastError: error(6) }))).toBe(
      'failing',
    )
    expect(
      cstaLinkState(link({ lastCall: { at: 6, status: 426 }, lastError: error(6, true) })),
    ).toBe('failing')
    expect(cstaLinkState(link({ lastError: { ...error(6), kind: 'login_failed' } }))).toBe(
      'failing',
    )
  })
})
