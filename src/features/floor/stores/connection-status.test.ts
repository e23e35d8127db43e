import { describe, expect, it } from 'vitest'
import { STALE_AFTER_MS } from '@/shared/events'
import { type LinkState, deriveStatus, nextOffset } from './connection-status'

const T = 1_000_000

function link(overrides: Partial<LinkState>): LinkState {
  return { connected: false, everConnected: false, changedAt: T, lastMessageAt: null, ...overrides }
}

describe('deriveStatus', () => {
  it('is connecting before the first connection', () => {
    expect(deriveStatus(link({}), T + 1_000)).toBe('connecting')
  })

  it('is live while connected and messages keep coming', () => {
    const l = link({ connected: true, everConnected: true, lastMessageAt: T + 10_000 })
    expect(deriveStatus(l, T + 10_000 + STALE_AFTER_MS)).toBe('live')
  })

  it('is live right after connecting, before any message', () => {
    expect(deriveStatus(link({ connected: true, everConnected: true }), T + 1_000)).toBe('live')
  })

  it('turns stale when connected but silent for longer than STALE_AFTER_MS', () => {
    const l = link({ connected: true, everConnected: true, lastMessageAt: T })
    expect(deriveStatus(l, T + STALE_AFTER_MS + 1)).toBe('stale')
  })

  it('is reconnecting after a drop, then stale once that lasts', () => {
    const l = link({
      connected: false,
      everConnected: true,
      changedAt: T,
      lastMessageAt: T - 1_000,
    })
    expect(deriveStatus(l, T + 1_000)).toBe('reconnecting')
    expect(deriveStatus(l, T + STALE_AFTER_MS + 1)).toBe('stale')
  })
})

describe('nextOffset', () => {
  it('takes the first sample, smooths small changes, follows big jumps at once', () => {
    expect(nextOffset(null, 500)).toBe(500)
    const smoothed = nextOffset(500, 600)
    expect(smoothed).toBeGreaterThan(500)
    expect(smoothed).toBeLessThan(600)
    expect(nextOffset(500, 60_500)).toBe(60_500)
  })
})
