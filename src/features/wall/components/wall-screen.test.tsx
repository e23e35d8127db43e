// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeLayout, renderWithProviders } from '@/testing/render'
import { WallScreen } from './wall-screen'

const T = Date.UTC(2025, 0, 6, 2, 0, 0) // a whole minute: page periods start on it

function Tile({ id }: { id: string }) {
  return <div data-testid="tile">{id}</div>
}

function renderWall(count: number) {
  const ids = Array.from({ length: count }, (_, i) => `agent-${i}`)
  return renderWithProviders(
    <WallScreen
      title="实时大屏"
      subtitle="admin"
      backTo={null}
      ids={ids}
      Tile={Tile}
      clock={null}
      status={null}
      figures={null}
      counts={null}
      notice={null}
      rotateMs={15_000}
    />,
  )
}

let restoreLayout: () => void
beforeAll(() => {
  // Every box measures 1920 × 780: the grid's share of a 1080p screen.
  restoreLayout = fakeLayout(1920, 780)
})
afterAll(() => restoreLayout())
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  vi.setSystemTime(T)
  window.innerHeight = 1080
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('the wall screen', () => {
  it('shows a small floor whole, without pages', () => {
    renderWall(60)
    expect(screen.getAllByTestId('tile')).toHaveLength(60)
    expect(screen.queryByText(/第 \d+ \/ \d+ 页/)).toBeNull()
  })

  it('turns the pages of a big floor every 15 s, each with its share of the agents', () => {
    renderWall(500)
    expect(screen.getByText('第 1 / 5 页')).toBeTruthy()
    const grid = screen.getByRole('region', { name: '坐席状态' })
    const first = within(grid).getAllByTestId('tile')
    expect(first).toHaveLength(100)
    expect(first[0]?.textContent).toBe('agent-0')

    act(() => void vi.advanceTimersByTime(15_100))
    expect(screen.getByText('第 2 / 5 页')).toBeTruthy()
    expect(within(grid).getAllByTestId('tile')[0]?.textContent).toBe('agent-100')

    act(() => void vi.advanceTimersByTime(4 * 15_000))
    expect(screen.getByText('第 1 / 5 页')).toBeTruthy()
    expect(within(grid).getAllByTestId('tile')[0]?.textContent).toBe('agent-0')
  })
})
