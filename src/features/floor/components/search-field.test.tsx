// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { useLocation } from 'react-router'
import { T0, agent, change, inState, snapshot } from '@/testing/fixtures'
import { fakeLayout, renderWithProviders } from '@/testing/render'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { FloorScreen } from './floor-screen'

const AGENTS = 60
const UPDATE_EVERY_MS = 50 // a busy floor: a batch of changes every 50 ms

let restoreLayout: () => void
beforeAll(() => {
  restoreLayout = fakeLayout(1200, 800)
})
afterAll(() => restoreLayout())

let stopUpdates: () => void = () => {}
beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
  resetFloorStore(T0)
  const roster = Array.from({ length: AGENTS }, (_, i) => agent(i + 1))
  useFloorStore.getState().receiveSnapshot(snapshot(roster), T0)
  // Live traffic: every batch moves an agent between ready and talking, so the counts change.
  let seq = 10
  const timer = setInterval(() => {
    seq += 1
    const talking = seq % 2 === 1
    const next = inState(agent(1), talking ? 'InboundTalking' : 'Available', Date.now(), {
      serial: String(seq * 10),
      callId: talking ? `call-${seq}` : null,
    })
    act(() => {
      useFloorStore.getState().receiveChange(change(seq, [next]), Date.now())
    })
  }, UPDATE_EVERY_MS)
  stopUpdates = () => clearInterval(timer)
})

afterEach(() => {
  stopUpdates()
  cleanup()
  vi.useRealTimers()
})

function Search() {
  return <output aria-label="search">{useLocation().search}</output>
}

function renderFloor() {
  renderWithProviders(
    <>
      <FloorScreen />
      <Search />
    </>,
  )
}

/** Types `text` a key at a time, `gapMs` apart, as the floor keeps updating. */
function type(text: string, gapMs = 80) {
  const box = screen.getByRole('searchbox', { name: '搜索坐席' })
  for (let i = 1; i <= text.length; i++) {
    fireEvent.change(box, { target: { value: text.slice(0, i) } })
    wait(gapMs)
  }
  return box
}

const tile = (n: number) => screen.queryByRole('button', { name: new RegExp(`^坐席${n}，`) })
const STEP_MS = 10
/** Lets `ms` pass in small steps, each rendered, as a browser would between batches. */
function wait(ms: number) {
  for (let t = 0; t < ms; t += STEP_MS) act(() => void vi.advanceTimersByTime(STEP_MS))
}

describe('SearchField on a live floor', () => {
  it('filters shortly after the last key, however often the floor updates', () => {
    renderFloor()
    expect(tile(2)).not.toBeNull()
    type('54')
    wait(100)
    // Still typing, as far as the field knows: nothing filtered yet.
    expect(tile(2)).not.toBeNull()
    wait(200)
    expect(tile(2)).toBeNull()
    expect(tile(54)).not.toBeNull()
    expect(screen.getByRole('status', { name: 'search' }).textContent).toBe('?q=54')
  })

  it('filters at once on Enter', () => {
    renderFloor()
    fireEvent.keyDown(type('54', 0), { key: 'Enter' })
    expect(tile(2)).toBeNull()
    expect(tile(54)).not.toBeNull()
    expect(screen.getByRole('status', { name: 'search' }).textContent).toBe('?q=54')
  })
})
