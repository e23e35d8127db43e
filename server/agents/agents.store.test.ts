import { describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { agent } from '@/testing/fixtures'
import { compareViews } from './agents.store'

const MARGIN_MS = 60_000 // SERIAL_RESET_SEC's default
const T = Date.UTC(2026, 10, 21, 2, 0)

const at = (serial: string, stateSince: number, extra: Partial<AgentView> = {}) =>
  agent(1, { serial, stateSince, ...extra })

describe('the order of two views of one agent', () => {
  it('goes by serial between events close in time, losslessly past 2^53', () => {
    expect(compareViews(at('11', T), at('10', T + 5_000), MARGIN_MS)).toBeGreaterThan(0)
    expect(compareViews(at('10', T + 5_000), at('11', T), MARGIN_MS)).toBeLessThan(0)
    const a = at('18446744073709551614', T)
    const b = at('18446744073709551615', T)
    expect(compareViews(b, a, MARGIN_MS)).toBeGreaterThan(0)
    expect(compareViews(a, a, MARGIN_MS)).toBe(0)
  })

  it('lets a restarted counter win once its state is later by more than the margin', () => {
    const held = at('1733000000000', T)
    expect(compareViews(at('1', T + MARGIN_MS), held, MARGIN_MS)).toBeLessThan(0)
    expect(compareViews(at('1', T + MARGIN_MS + 1), held, MARGIN_MS)).toBeGreaterThan(0)
    // And then a late event of the old counter does not move the tile back.
    const reset = at('2', T + 120_000)
    expect(compareViews(at('1733000000001', T + 1_000), reset, MARGIN_MS)).toBeLessThan(0)
  })

  it('never lets an approximate time overrule a serial', () => {
    const held = at('100', T)
    expect(compareViews(at('5', T + 600_000, { approxTime: true }), held, MARGIN_MS)).toBeLessThan(
      0,
    )
  })
})
