// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { T0, agent, change, inState, snapshot } from '@/testing/fixtures'
import { fakeLayout, renderWithProviders } from '@/testing/render'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { AgentGrid } from './agent-grid'
import type * as TileCardModule from './agent-tile-card'

// Count how often each agent's tile body renders.
const renders = vi.hoisted(() => new Map<string, number>())
vi.mock('./agent-tile-card', async (importOriginal) => {
  const original = await importOriginal<typeof TileCardModule>()
  return {
    AgentTileCard: (props: Parameters<typeof original.AgentTileCard>[0]) => {
      renders.set(props.agent.id, (renders.get(props.agent.id) ?? 0) + 1)
      return <original.AgentTileCard {...props} />
    },
  }
})

const AGENTS = 400
let restoreLayout: () => void

beforeAll(() => {
  restoreLayout = fakeLayout(1200, 800)
})
afterAll(() => restoreLayout())

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  vi.setSystemTime(T0 + 65_000)
  resetFloorStore(T0)
  renders.clear()
  const roster = Array.from({ length: AGENTS }, (_, i) => agent(i + 1))
  // Connected, as the socket always is before its first snapshot: timers run only on a live link.
  useFloorStore.getState().linkUp(false, T0 + 65_000)
  useFloorStore
    .getState()
    .receiveSnapshot(snapshot(roster, { serverTime: T0 + 65_000 }), T0 + 65_000)
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function renderGrid(onOpen = vi.fn()) {
  const ids = useFloorStore.getState().ids
  renderWithProviders(
    <AgentGrid ids={ids} onOpen={onOpen} initialRect={{ width: 1200, height: 800 }} />,
  )
  return onOpen
}

const tileOf = (n: number) => screen.getByRole('button', { name: new RegExp(`^坐席${n}，`) })

describe('AgentGrid', () => {
  it('renders only the rows in view', () => {
    renderGrid()
    const tiles = screen.getAllByRole('button')
    expect(tiles.length).toBeGreaterThan(10)
    expect(tiles.length).toBeLessThan(AGENTS / 2)
    expect(within(tileOf(3)).getByText('就绪')).toBeTruthy()
    expect(within(tileOf(3)).getByRole('timer').textContent).toBe('01:05')
  })

  it('updates the changed agent’s tile and re-renders no other', () => {
    renderGrid()
    const mounted = renders.size
    expect(mounted).toBeGreaterThan(10)
    renders.clear()

    const talking = inState(agent(3), 'InboundTalking', T0 + 60_000, {
      callId: 'a8307aa5-bd11-4216-a6e2-5e5d6161aec4',
      customerNumber: '13912345678',
      workSkill: '7001@test.cc',
    })
    act(() => {
      useFloorStore
        .getState()
        .receiveChange(change(11, [talking], { serverTime: T0 + 65_000 }), T0 + 65_000)
    })

    const tile = tileOf(3)
    expect(within(tile).getByText('呼入通话')).toBeTruthy()
    // The customer's number, not a cut call id.
    expect(within(tile).getByText('13912345678')).toBeTruthy()
    expect(within(tile).queryByText('a8307aa5…')).toBeNull()
    expect(within(tile).getByRole('timer').textContent).toBe('00:05')
    expect(tile.dataset.family).toBe('talking')
    expect([...renders.entries()]).toEqual([['5003@test.cc', 1]])
  })

  it('marks a timer the platform gave no time for as approximate, and clears the mark', () => {
    const approx = inState(agent(3), 'Aux', T0 + 60_000, { approxTime: true })
    act(() => {
      useFloorStore
        .getState()
        .receiveChange(change(11, [approx], { serverTime: T0 + 65_000 }), T0 + 65_000)
    })
    renderGrid()
    const tile = tileOf(3)
    const timer = within(tile).getByRole('timer')
    expect(timer.textContent).toBe('≈00:05')
    expect(timer.getAttribute('title')).toBe('约数：平台未发送可用的状态时间')
    expect(tile.getAttribute('aria-label')).toMatch(/状态时长为约数/)
    expect(within(tileOf(4)).getByRole('timer').textContent).toBe('01:05')

    act(() => {
      useFloorStore.getState().receiveChange(
        change(12, [], {
          serverTime: T0 + 65_000,
          patches: [{ id: approx.id, approxTime: false, serial: '5000' }],
        }),
        T0 + 65_000,
      )
    })
    expect(within(tileOf(3)).getByRole('timer').textContent).toBe('00:05')
    expect(tileOf(3).getAttribute('aria-label')).not.toMatch(/约数/)
  })

  it('ticks the timers without re-rendering the tiles', () => {
    renderGrid()
    renders.clear()
    act(() => {
      vi.advanceTimersByTime(3_100) // three ticks: they land just past each whole second
    })
    expect(within(tileOf(3)).getByRole('timer').textContent).toBe('01:08')
    expect(renders.size).toBe(0)
  })

  it('stops the timers, dimmed, while the link is down, and runs them again after', () => {
    renderGrid()
    act(() => useFloorStore.getState().linkDown(T0 + 65_000))
    act(() => {
      vi.advanceTimersByTime(3_100)
    })
    const timer = within(tileOf(3)).getByRole('timer')
    expect(timer.textContent).toBe('01:05')
    expect(timer.style.opacity).not.toBe('')
    act(() => useFloorStore.getState().linkUp(true, T0 + 68_100))
    act(() => {
      vi.advanceTimersByTime(1_000)
    })
    expect(timer.textContent).toBe('01:09')
    expect(timer.style.opacity).toBe('')
  })

  it('moves between tiles with the arrow keys and opens one with Enter', async () => {
    const onOpen = renderGrid()
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) })
    tileOf(1).focus()
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(tileOf(2))
    await user.keyboard('{Enter}')
    expect(onOpen).toHaveBeenCalledWith('5002@test.cc')
  })
})

describe('AgentGrid reordering', () => {
  it('moves tiles when the order changes without re-rendering them', () => {
    const ids = useFloorStore.getState().ids
    const onOpen = vi.fn()
    const view = renderWithProviders(
      <AgentGrid ids={ids} onOpen={onOpen} initialRect={{ width: 1200, height: 800 }} />,
    )
    renders.clear()
    // Agent 3 jumps to the front, as a state sort would do: every tile after it shifts.
    const reordered = ['5003@test.cc', ...ids.filter((id) => id !== '5003@test.cc')]
    view.rerender(
      <AgentGrid ids={reordered} onOpen={onOpen} initialRect={{ width: 1200, height: 800 }} />,
    )
    expect(renders.size).toBe(0)
    expect(screen.getAllByRole('button')[0]).toBe(tileOf(3)) // first in the DOM too: Tab order follows
  })
})
