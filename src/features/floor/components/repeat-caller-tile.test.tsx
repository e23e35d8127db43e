// @vitest-environment jsdom
import { act, cleanup, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/lib/i18n'
import { defaultSettings } from '@/shared/settings'
import { T0, agent, change, inState, snapshot } from '@/testing/fixtures'
import { fakeLayout, renderWithProviders } from '@/testing/render'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { AgentGrid } from './agent-grid'
import { ThresholdsContext } from './thresholds-context'

const CUSTOMER = '13912345678'
let restoreLayout: () => void

beforeAll(() => {
  restoreLayout = fakeLayout(1200, 800)
})
afterAll(() => restoreLayout())

beforeEach(() => {
  resetFloorStore(T0)
  const onCall = (n: number, extra = {}) =>
    inState(agent(n), 'InboundTalking', T0 - 30_000, {
      callId: `call-${n}`,
      customerNumber: CUSTOMER,
      ...extra,
    })
  useFloorStore
    .getState()
    .receiveSnapshot(
      snapshot([onCall(1, { callerCallsToday: 3 }), onCall(2), agent(3)], { serverTime: T0 }),
      T0,
    )
})

afterEach(async () => {
  cleanup()
  await act(() => i18n.changeLanguage('zh'))
})

function renderGrid() {
  return renderWithProviders(
    <ThresholdsContext value={defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 })}>
      <AgentGrid
        ids={useFloorStore.getState().ids}
        onOpen={vi.fn()}
        initialRect={{ width: 1200, height: 800 }}
      />
    </ThresholdsContext>,
  )
}

const tileOf = (id: string) => document.querySelector<HTMLElement>(`[data-agent-id="${id}"]`)!

describe('a repeat caller on a tile', () => {
  it('shows the count of the day on the agent talking to them, and says it', async () => {
    renderGrid()
    const flagged = tileOf('5001@test.cc')
    expect(within(flagged).getByRole('img', { name: '今日第 3 次来电' }).textContent).toBe('3')
    expect(flagged.getAttribute('aria-label')).toContain('今日第 3 次来电')
    // The count is not yet a repeat (or not known) on the other call, and no call, no flag.
    for (const id of ['5002@test.cc', '5003@test.cc']) {
      expect(within(tileOf(id)).queryByRole('img', { name: /来电/ })).toBeNull()
      expect(tileOf(id).getAttribute('aria-label')).not.toContain('来电')
    }

    await act(() => i18n.changeLanguage('en'))
    expect(within(flagged).getByRole('img', { name: '3rd call today' }).textContent).toBe('3')
  })

  it('follows the relay when another call of that number raises the count', () => {
    renderGrid()
    act(() => {
      useFloorStore.getState().receiveChange(
        change(11, [], {
          patches: [{ id: '5002@test.cc', callerCallsToday: 2 }],
        }),
        T0,
      )
    })
    const flag = within(tileOf('5002@test.cc')).getByRole('img', { name: '今日第 2 次来电' })
    expect(flag.textContent).toBe('2')
  })
})
