// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { type FloorSettings, defaultSettings } from '@/shared/settings'
import { T0, agent, inState, snapshot } from '@/testing/fixtures'
import { fakeLayout, renderWithProviders } from '@/testing/render'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { AgentGrid } from './agent-grid'
import type * as BreachIconModule from './breach-icon'
import { ThresholdsContext } from './thresholds-context'

// Count how often tile bodies render: each render of a tile's card draws its breach icon once.
const renders = vi.hoisted(() => ({ count: 0 }))
vi.mock('./breach-icon', async (importOriginal) => {
  const original = await importOriginal<typeof BreachIconModule>()
  return {
    BreachIcon: (props: Parameters<typeof original.BreachIcon>[0]) => {
      renders.count += 1
      return <original.BreachIcon {...props} />
    },
  }
})

const SETTINGS: FloorSettings = defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 })
let restoreLayout: () => void

beforeAll(() => {
  restoreLayout = fakeLayout(1200, 800)
})
afterAll(() => restoreLayout())

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  vi.setSystemTime(T0)
  resetFloorStore(T0)
  renders.count = 0
  // Agent 1 starts ringing now; the other 39 are available (no threshold) or talking.
  const roster = [
    inState(agent(1), 'InboundRinging', T0),
    ...Array.from({ length: 39 }, (_, i) =>
      i % 2 ? agent(i + 2) : inState(agent(i + 2), 'InboundTalking', T0 - 60_000),
    ),
  ]
  useFloorStore.getState().receiveSnapshot(snapshot(roster, { serverTime: T0 }), T0)
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function renderGrid(settings: FloorSettings | null = SETTINGS) {
  const ids = useFloorStore.getState().ids
  return renderWithProviders(
    <ThresholdsContext value={settings}>
      <AgentGrid ids={ids} onOpen={vi.fn()} initialRect={{ width: 1200, height: 800 }} />
    </ThresholdsContext>,
  )
}

const ringing = () => screen.getByRole('button', { name: /^坐席1，/ })

describe('tiles past their thresholds', () => {
  it('turn amber at 15 s and red at 30 s of ringing, said in the label too', () => {
    renderGrid()
    expect(ringing().dataset.breach).toBeUndefined()
    act(() => void vi.advanceTimersByTime(14_100))
    expect(ringing().dataset.breach).toBeUndefined()
    act(() => void vi.advanceTimersByTime(1_000))
    expect(ringing().dataset.breach).toBe('amber')
    expect(ringing().getAttribute('aria-label')).toMatch(/超时警告$/)
    expect(ringing().querySelector('[data-breach-icon="amber"]')).not.toBeNull()
    act(() => void vi.advanceTimersByTime(15_000))
    expect(ringing().dataset.breach).toBe('red')
    expect(ringing().getAttribute('aria-label')).toMatch(/严重超时$/)
    expect(ringing().querySelector('[data-breach-icon="red"]')).not.toBeNull()
  })

  it('re-render only the tile whose level changed, once per change', () => {
    renderGrid()
    renders.count = 0
    for (let sec = 1; sec <= 35; sec++) act(() => void vi.advanceTimersByTime(1_000))
    expect(renders.count).toBe(2) // the ringing tile: amber, then red; no other tile
  })

  it('follow new thresholds at once', () => {
    const view = renderGrid()
    act(() => void vi.advanceTimersByTime(10_100))
    expect(ringing().dataset.breach).toBeUndefined()
    const stricter: FloorSettings = {
      ...SETTINGS,
      families: { ...SETTINGS.families, ringing: { amberSec: 5, redSec: 10 } },
    }
    view.rerender(
      <ThresholdsContext value={stricter}>
        <AgentGrid
          ids={useFloorStore.getState().ids}
          onOpen={vi.fn()}
          initialRect={{ width: 1200, height: 800 }}
        />
      </ThresholdsContext>,
    )
    expect(ringing().dataset.breach).toBe('red')
  })

  it('show nothing before the thresholds load', () => {
    renderGrid(null)
    act(() => void vi.advanceTimersByTime(60_000))
    expect(ringing().dataset.breach).toBeUndefined()
  })
})
