import { describe, expect, it } from 'vitest'
import type { TimelineSegment } from '@/shared/timeline'
import { withLiveEdge } from './live-edge'

const DAY = Date.UTC(2025, 0, 5, 16, 0, 0) // 2025-01-06 00:00 in Shanghai
const H9 = DAY + 9 * 3_600_000
const S = 1000

const available: TimelineSegment = {
  acState: 'Available',
  family: 'available',
  from: H9,
  to: H9 + 60 * S,
  reason: 'AgentOperation',
  callId: null,
}

const fetched = { from: DAY, to: H9 + 60 * S, segments: [available] }

describe('withLiveEdge', () => {
  it('grows the current state to now between fetches', () => {
    const live = withLiveEdge(
      fetched,
      { acState: 'Available', stateSince: H9, reason: null, callId: null },
      H9 + 90 * S,
    )
    expect(live.to).toBe(H9 + 90 * S)
    expect(live.segments).toEqual([{ ...available, to: H9 + 90 * S }])
    expect(fetched.segments[0]!.to).toBe(H9 + 60 * S) // the fetched answer is left alone
  })

  it('adds the state the agent entered since the fetch, where the floor says it began', () => {
    const live = withLiveEdge(
      fetched,
      { acState: 'InboundRinging', stateSince: H9 + 75 * S, reason: null, callId: 'c-1' },
      H9 + 80 * S,
    )
    expect(live.segments).toEqual([
      { ...available, to: H9 + 75 * S },
      {
        acState: 'InboundRinging',
        family: 'ringing',
        from: H9 + 75 * S,
        to: H9 + 80 * S,
        reason: null,
        callId: 'c-1',
      },
    ])
  })

  it('never runs past now’s fetch or the end of the day', () => {
    const late = withLiveEdge(
      fetched,
      { acState: 'Available', stateSince: H9, reason: null, callId: null },
      DAY + 30 * 3_600_000,
    )
    expect(late.to).toBe(DAY + 24 * 3_600_000)
    // A clock behind the server's still shows what the server had.
    const behind = withLiveEdge(
      fetched,
      { acState: 'Available', stateSince: H9, reason: null, callId: null },
      H9,
    )
    expect(behind.to).toBe(H9 + 60 * S)
  })

  it('starts a day without events at the live state', () => {
    const live = withLiveEdge(
      { from: DAY, to: H9, segments: [] },
      { acState: 'Aux', stateSince: DAY - 3_600_000, reason: 'MonitorLock', callId: null },
      H9 + 10 * S,
    )
    expect(live.segments).toEqual([
      {
        acState: 'Aux',
        family: 'notReady',
        from: DAY,
        to: H9 + 10 * S,
        reason: 'MonitorLock',
        callId: null,
      },
    ])
  })
})
